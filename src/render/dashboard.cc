#include "render/dashboard.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/html.h"
#include "core/time_format.h"
#include "render/newsroom_frame.h"

namespace tribune::render {
namespace {

struct Series {
  const char* name;
  const char* color;  // contrast >= 3:1 against white, told apart by pattern of order too
  int64_t DayCounts::*field;
};
constexpr Series kSeries[] = {
    {"published", "#2f6b2f", &DayCounts::published},
    {"held", "#9a6700", &DayCounts::held},
    {"spam", "#b3261e", &DayCounts::spam},
    {"discarded", "#5b4a8a", &DayCounts::discarded},
};

std::string ShortDay(int64_t day) {
  std::string iso = timefmt::Iso8601(day);  // YYYY-MM-DDT...
  return iso.substr(5, 5);                  // MM-DD
}

std::string Duration(const SiteInfo& site, int64_t s) {
  if (s < 3600) return site.F("{n} min", {{"n", s / 60}});
  if (s < 2 * 86400) return site.F("{n} h", {{"n", s / 3600}});
  return site.F("{n, plural, one {# day} other {# days}}", {{"n", s / 86400}});
}

}  // namespace

std::string DayChartSvg(const SiteInfo& site, const std::vector<DayCounts>& days) {
  constexpr int kW = 640, kH = 240, kLeft = 44, kBottom = 28, kTop = 10;
  int64_t max = 1;
  for (const DayCounts& d : days) {
    max = std::max(max, d.published + d.held + d.spam + d.discarded);
  }
  max = (max + 3) / 4 * 4;  // gridlines at whole numbers
  std::string out = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-labelledby=\"days-title days-desc\">"
      "<title id=\"days-title\">{}</title><desc id=\"days-desc\">{}</desc>",
      kW, kH, html::Escape(site.T("Comments a day, by the filter\u2019s action")),
      html::Escape(site.F("Stacked bars for the last {n} days; the table below gives the numbers.",
                          {{"n", static_cast<int64_t>(days.size())}})));
  int plot_h = kH - kTop - kBottom;
  // Gridlines at quarters of the largest day.
  for (int q = 0; q <= 4; ++q) {
    int y = kTop + plot_h - plot_h * q / 4;
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ccc\"/>", kLeft, y,
                       kW, y);
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" "
        "fill=\"#333\">{}</text>",
        kLeft - 4, y + 4, max * q / 4);
  }
  double slot = days.empty() ? 0 : static_cast<double>(kW - kLeft) / days.size();
  for (size_t i = 0; i < days.size(); ++i) {
    const DayCounts& d = days[i];
    double x = kLeft + slot * i + slot * 0.15;
    double w = slot * 0.7;
    double y = kTop + plot_h;
    for (const Series& s : kSeries) {
      int64_t n = d.*(s.field);
      if (n == 0) continue;
      double h = static_cast<double>(plot_h) * n / max;
      y -= h;
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
          "fill=\"{}\"><title>{}: {} {}</title></rect>",
          x, y, w, h, s.color, ShortDay(d.day), n, html::Escape(StatusLabel(site, s.name)));
    }
    if (days.size() <= 16 || i % 2 == 0) {
      out += fmt::format(
          "<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" "
          "fill=\"#333\">{}</text>",
          x + w / 2, kH - 10, ShortDay(d.day));
    }
  }
  out += "</svg>";
  return out;
}

std::string BarListSvg(const std::vector<std::pair<std::string, int64_t>>& rows,
                       const std::string& title) {
  constexpr int kW = 640, kRow = 22, kLabel = 260;
  int64_t max = 1;
  for (const auto& r : rows) max = std::max(max, r.second);
  int h = std::max<int>(kRow, static_cast<int>(rows.size()) * kRow + 4);
  std::string out = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"{}\">",
      kW, h, html::Escape(title));
  for (size_t i = 0; i < rows.size(); ++i) {
    int y = static_cast<int>(i) * kRow + 2;
    double w = static_cast<double>(kW - kLabel - 50) * rows[i].second / max;
    std::string label =
        rows[i].first.size() > 40 ? rows[i].first.substr(0, 40) + "…" : rows[i].first;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" "
        "fill=\"#222\">{}</text>",
        kLabel - 6, y + 15, html::Escape(label));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#b3261e\"/>",
                       kLabel, y + 3, std::max(1.0, w), kRow - 6);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" fill=\"#222\">{}</text>",
                       kLabel + std::max(1.0, w) + 4, y + 15, rows[i].second);
  }
  out += "</svg>";
  return out;
}

std::string RenderDashboardPage(const SiteInfo& site, const DashboardView& v) {
  std::string out;
  OpenStaffPage(out, site, site.T("Dashboard"), "dashboard", v.staff_name, v.role, v.form_token,
                "/newsroom/dashboard");
  std::string waiting =
      v.queue_size > 0 ? site.F("<b>{n}</b> comments wait for a moderator; the oldest for {time}",
                                {{"n", v.queue_size}}, {{"time", Duration(site, v.queue_oldest_s)}})
                       : site.F("<b>{n}</b> comments wait for a moderator", {{"n", v.queue_size}});
  out += "<ul class=\"dashboard-figures\"><li>" + waiting + "</li><li>" +
         site.F(
             "<b>{n}</b> comments labelled by moderators in {days} days: <b>{approved}</b> "
             "holds approved, <b>{restored}</b> spam restored, <b>{marked}</b> published "
             "comments marked spam",
             {{"n", v.decided},
              {"days", static_cast<int64_t>(v.days.size())},
              {"approved", v.holds_approved},
              {"restored", v.spam_restored},
              {"marked", v.published_spam}}) +
         "</li></ul>\n";
  if (v.partial) {
    out += "<p class=\"hint\">" +
           html::Escape(
               site.T("More comments than the dashboard reads: the oldest days are incomplete.")) +
           "</p>\n";
  }
  out += "<h2>" + html::Escape(site.T("Comments a day, by the filter\u2019s action")) +
         "</h2>\n<figure class=\"chart-figure\">" + DayChartSvg(site, v.days) +
         "<figcaption><ul class=\"legend\">";
  for (const Series& s : kSeries) {
    // An SVG square: the pages' policy allows no inline style.
    out += fmt::format(
        "<li><svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\">"
        "<rect width=\"12\" height=\"12\" fill=\"{}\"/></svg> {}</li>",
        s.color, html::Escape(StatusLabel(site, s.name)));
  }
  out += "</ul></figcaption></figure>\n<table class=\"day-counts\">\n<thead><tr>";
  for (const char* head : {"Day", "Published", "Held", "Spam", "Discarded"}) {  // i18n-all
    out += "<th scope=\"col\">" + html::Escape(site.T(head)) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const DayCounts& d : v.days) {
    out += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "</tr>\n",
        timefmt::Iso8601(d.day).substr(0, 10), d.published, d.held, d.spam, d.discarded);
  }
  out += "</tbody>\n</table>\n<h2>" + html::Escape(site.T("Link domains in spam this week")) +
         "</h2>\n";
  if (v.top_domains.empty()) {
    out += "<p class=\"empty\">" + html::Escape(site.T("None.")) + "</p>\n";
  } else {
    out += BarListSvg(v.top_domains, site.T("Link domains in spam this week")) + "\n";
  }
  out += "<h2>" + html::Escape(site.T("Campaigns this week")) + "</h2>\n";
  if (v.top_campaigns.empty()) {
    out += "<p class=\"empty\">" + html::Escape(site.T("None.")) + "</p>\n";
  } else {
    out += BarListSvg(v.top_campaigns, site.T("Comments of each campaign this week")) + "\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
