#include "app/demo_content.h"

#include <fmt/format.h>

#include <array>
#include <ctime>
#include <limits>

#include "bbcode/bbcode.h"
#include "comments/comment_service.h"
#include "comments/signer.h"

namespace tribune::app {
namespace {

struct DemoArticle {
  const char* title;
  const char* lead;
  const char* body;
  const char* source;
  int comments;
};

// Fictional local news, written for the demo.
constexpr std::array<DemoArticle, 5> kArticles = {{
    {"City council approves riverside park after two-year debate",
     "The new park will replace the old freight yard by the river and open in stages from next "
     "spring.",
     "The city council voted 31 to 12 on Monday evening to turn the disused freight yard on the "
     "east bank into a public park, ending a debate that began two summers ago.\n\n"
     "The plan keeps the two brick warehouses, which will house a market hall and a rowing club, "
     "and replaces the sidings with a meadow, a playground and a path along the water.\n\n"
     "\"This is land the city has not been able to walk on for a hundred years,\" said the deputy "
     "mayor, who chaired the planning committee. \"From next spring, it is everyone's.\"\n\n"
     "Opponents had argued that the site should be used for housing. A compromise adopted in "
     "March sets aside the northern strip for 240 flats, a third of them for rent at below "
     "market prices.\n\n"
     "Work on the first stage, the riverside path, starts in October. The council expects the "
     "whole park to cost 18 million and to be finished within three years.",
     "City Desk", 137},
    {"Night trains return to the northern line",
     "Sleeper services suspended four years ago will run three nights a week from December.",
     "The regional rail operator will bring back overnight trains between the capital and the "
     "northern ports from the first week of December.\n\n"
     "The service was stopped four years ago when its carriages reached the end of their life. "
     "Refurbished sleeper cars bought from a neighbouring operator will now run on Thursday, "
     "Friday and Sunday nights.\n\n"
     "Tickets go on sale next week, with a seat from 29 and a bed in a shared compartment from "
     "59.",
     "Transport correspondent", 23},
    {"Library extends opening hours during exam season",
     "The central library will stay open until midnight for the next six weeks.",
     "Students preparing for final exams will be able to use the central library's reading rooms "
     "until midnight on weekdays, the city's culture department announced.\n\n"
     "The extra hours are paid for by a grant from the university, which says its own libraries "
     "have been full since the start of the month.",
     "Education desk", 8},
    {"Farmers' market moves to the old town square",
     "After a decade in the car park behind the station, the Saturday market gets a new home.",
     "From next Saturday, the farmers' market will be held on the old town square. Traders had "
     "asked for the move for years, saying the car park was hard to find for visitors.\n\n"
     "The square will be closed to cars from 6 am to 3 pm on market days.",
     "City Desk", 3},
    {"Storm warning for the coast this weekend",
     "Forecasters expect winds of up to 110 km/h on Saturday night.",
     "The national weather service has issued an orange warning for the coast from Saturday "
     "afternoon to Sunday morning, with gusts of up to 110 km/h and high waves.\n\n"
     "Ferries to the islands are expected to be cancelled, and residents are asked to secure "
     "loose objects on balconies and in gardens.",
     "Weather desk", 0},
}};

constexpr std::array<const char*, 16> kNames = {
    "Nino", "Giorgi", "Anna", "Levan", "Mariam", "Tamar", "David", "Ketevan",
    "Sandro", "Eka", "Irakli", "Natia", "Luka", "Salome", "Zurab", "Maia"};

constexpr std::array<const char*, 20> kOpinions = {
    "Finally some good news for the east bank.",
    "I walk past the site every day and I cannot wait to see it open.",
    "The cost seems high to me, but parks pay for themselves over the years.",
    "What about parking for visitors? Nobody has explained that yet.",
    "Keeping the old warehouses is the best part of the plan.",
    "I hope the path will be lit at night, the riverbank is dark in winter.",
    "We needed the housing more than another meadow, to be honest.",
    "Good compromise. A third below market rent is more than most projects offer.",
    "Three years is optimistic. Remember how long the bridge took?",
    "My children will be teenagers by the time the playground is built.",
    "[b]Thank you[/b] to everyone who came to the public meetings.",
    "Will the rowing club be open to people who are not members?",
    "The market hall idea is great :smile:",
    "Please plant real trees, not just grass.",
    "I was against it at first, but the final plan is much better.",
    "Does anyone know where the construction traffic will go?",
    "The council finally listened to the residents.",
    "A park by the river is what every city should have.",
    "Let's see if the budget holds. It rarely does.",
    "I grew up near the freight yard; it will be strange to see it green.",
};

}  // namespace

Status SeedDemoContent(store::Store& store, const std::string& secret) {
  auto count = store.CountArticles();
  if (!count.ok()) return count.status();
  if (*count > 0) return Status::Ok();

  comments::Signer signer(secret);
  bbcode::RenderOptions guest, member;
  guest.leech_href = [&signer](std::string_view t) { return comments::LeechHref(signer, t); };
  member = guest;
  member.viewer_signed_in = true;

  int64_t now = std::time(nullptr);
  int64_t hour = 3600;
  for (size_t i = 0; i < kArticles.size(); ++i) {
    const DemoArticle& d = kArticles[i];
    store::ArticleDraft draft{d.title, d.lead, d.body, d.source, "",
                              now - static_cast<int64_t>(i) * 26 * hour - 3 * hour, true};
    auto article = store.CreateArticle(draft, now);
    if (!article.ok()) return article.status();
    std::vector<site::NewComment> comments;
    for (int k = 0; k < d.comments; ++k) {
      site::NewComment c;
      c.article_id = article->id;
      c.author = kNames[(k * 7 + i) % kNames.size()];
      std::string body = kOpinions[(k * 11 + i * 3) % kOpinions.size()];
      if (k % 9 == 4) {
        body = fmt::format("[quote={}]{}[/quote]\nI agree.", kNames[(k + 3) % kNames.size()],
                           kOpinions[(k * 5) % kOpinions.size()]);
      }
      if (k % 17 == 8)
        body += "\nThe full plan: [url=https://example.org/park-plan]example.org[/url]";
      if (k % 23 == 11)
        body += "\nThe council's [leech=https://example.org/minutes]minutes[/leech].";
      c.body_source = body;
      bbcode::Document doc = bbcode::Parse(body);
      c.body_html = bbcode::RenderHtml(doc, guest);
      c.body_html_member = bbcode::RenderHtml(doc, member);
      c.body_text = bbcode::RenderText(doc);
      // Spread between the article's publication and now, oldest first.
      int64_t span = now - 60 - (draft.published_at + 600);
      c.created_at = draft.published_at + 600 + span * k / std::max(1, d.comments);
      comments.push_back(std::move(c));
    }
    for (auto& r : store.InsertComments(comments)) {
      if (!r.ok()) return r.status();
    }
  }
  // The demo's comments are no news: nobody is told of them (their events are done).
  for (;;) {
    auto events = store.ClaimOutbox(std::numeric_limits<int32_t>::max(), 60, 500);
    if (!events.ok()) return events.status();
    if (events->empty()) break;
    std::vector<store::OutboxStore::Expansion> done;
    for (const site::OutboxItem& e : *events) done.push_back({e.id, {}});
    TRIBUNE_RETURN_IF_ERROR(store.ExpandEvents(done, std::time(nullptr)));
  }
  return Status::Ok();
}

}  // namespace tribune::app
