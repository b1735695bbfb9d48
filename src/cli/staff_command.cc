// tribune staff: newsroom accounts for the moderation pages (/newsroom).
#include <ctime>
#include <iostream>
#include <string>

#include "cli/options.h"
#include "core/utf8.h"
#include "moderation/staff_auth.h"

namespace tribune::cli {
namespace {

struct StaffOptions {
  StoreOptions store;
  std::string name;
  std::string role = "moderator";
  bool password_stdin = false;
};

// The password to set: one line from standard input with --password-stdin,
// else a generated one, printed once.
std::string PasswordOrExit(const StaffOptions& o, bool* generated) {
  *generated = !o.password_stdin;
  if (*generated) return moderation::GeneratePassword();
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (!utf8::IsValid(line) || utf8::Length(line) < moderation::kMinPasswordLength) {
    std::cerr << "tribune: a password needs at least " << moderation::kMinPasswordLength
              << " characters of UTF-8 text\n";
    std::exit(2);
  }
  return line;
}

void Fail(const Status& st) {
  std::cerr << "tribune: " << st.message() << "\n";
  std::exit(1);
}

}  // namespace

void RegisterStaffCommands(CLI::App& app) {
  CLI::App* staff = app.add_subcommand(
      "staff", "Newsroom accounts: who may sign in at /newsroom to moderate comments");
  staff->require_subcommand(1);

  auto add_opts = std::make_shared<StaffOptions>();
  CLI::App* add = staff->add_subcommand(
      "add", "Add a staff member; prints a generated password unless --password-stdin");
  AddStoreOptions(*add, add_opts->store);
  add->add_option("name", add_opts->name, "Sign-in name")->required();
  add->add_option("--role", add_opts->role,
                  "moderator (default: comments), editor (articles) or admin (both, and staff)")
      ->check(CLI::IsMember({"moderator", "editor", "admin"}));
  add->add_flag("--password-stdin", add_opts->password_stdin,
                "Read the password (one line, at least 10 characters) from standard input");
  add->callback([add_opts] {
    const StaffOptions& o = *add_opts;
    if (!site::ValidStaffName(o.name)) {
      std::cerr << "tribune: a staff name is 1 to 64 bytes of UTF-8 text, without control "
                   "characters\n";
      std::exit(2);
    }
    bool generated = false;
    std::string password = PasswordOrExit(o, &generated);
    auto store = OpenStoreOrExit(LoadConfigOrExit(o.store));
    site::Staff s;
    s.name = o.name;
    site::ParseStaffRole(o.role, &s.role);
    s.password_hash = moderation::HashPassword(password);
    s.created_at = std::time(nullptr);
    auto created = store->CreateStaff(s);
    if (!created.ok()) Fail(created.status());
    AuditFromCommandLine(*store, "staff.create", "staff " + created->name, "",
                         std::string(site::StaffRoleName(created->role)));
    std::cout << "added " << site::StaffRoleName(created->role) << " " << created->name << "\n";
    if (generated) std::cout << "password: " << password << "\n";
  });

  auto pw_opts = std::make_shared<StaffOptions>();
  CLI::App* pw = staff->add_subcommand(
      "password", "Give a staff member a new password (ends their sessions); prints a "
                  "generated one unless --password-stdin");
  AddStoreOptions(*pw, pw_opts->store);
  pw->add_option("name", pw_opts->name, "Sign-in name")->required();
  pw->add_flag("--password-stdin", pw_opts->password_stdin,
               "Read the password (one line, at least 10 characters) from standard input");
  pw->callback([pw_opts] {
    const StaffOptions& o = *pw_opts;
    auto store = OpenStoreOrExit(LoadConfigOrExit(o.store));
    auto member = store->GetStaffByName(o.name);
    if (!member.ok()) Fail(member.status());
    bool generated = false;
    std::string password = PasswordOrExit(o, &generated);
    Status st = store->SetStaffPassword(member->id, moderation::HashPassword(password));
    if (!st.ok()) Fail(st);
    AuditFromCommandLine(*store, "staff.password", "staff " + member->name);
    std::cout << "new password for " << member->name << "\n";
    if (generated) std::cout << "password: " << password << "\n";
  });

  auto rm_opts = std::make_shared<StaffOptions>();
  CLI::App* rm = staff->add_subcommand("remove", "Remove a staff member (ends their sessions)");
  AddStoreOptions(*rm, rm_opts->store);
  rm->add_option("name", rm_opts->name, "Sign-in name")->required();
  rm->callback([rm_opts] {
    auto store = OpenStoreOrExit(LoadConfigOrExit(rm_opts->store));
    auto member = store->GetStaffByName(rm_opts->name);
    if (!member.ok()) Fail(member.status());
    Status st = store->DeleteStaff(member->id);
    if (!st.ok()) Fail(st);
    AuditFromCommandLine(*store, "staff.remove", "staff " + member->name,
                         std::string(site::StaffRoleName(member->role)), "");
    std::cout << "removed " << member->name << "\n";
  });

  auto list_opts = std::make_shared<StoreOptions>();
  CLI::App* list = staff->add_subcommand("list", "List staff: name and role");
  AddStoreOptions(*list, *list_opts);
  list->callback([list_opts] {
    auto store = OpenStoreOrExit(LoadConfigOrExit(*list_opts));
    auto all = store->ListStaff();
    if (!all.ok()) Fail(all.status());
    for (const site::Staff& s : *all) {
      std::cout << s.name << '\t' << site::StaffRoleName(s.role) << '\n';
    }
  });
}

}  // namespace tribune::cli
