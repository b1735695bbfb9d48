// tribune reader: readers' accounts from the command line, for operators
// (an account for a columnist or a test, one whose mail never arrives).
#include <ctime>
#include <iostream>
#include <string>

#include "cli/options.h"
#include "comments/reader_names.h"
#include "core/utf8.h"
#include "moderation/staff_auth.h"
#include "site/comment_form.h"

namespace tribune::cli {
namespace {

struct ReaderOptions {
  StoreOptions store;
  std::string name, email;
  bool password_stdin = false;
};

[[noreturn]] void Fail(const std::string& message, int code = 1) {
  std::cerr << "tribune: " << message << "\n";
  std::exit(code);
}

}  // namespace

void RegisterReaderCommands(CLI::App& app) {
  CLI::App* reader = app.add_subcommand("reader", "Readers' accounts (sign-up is at /account)");
  reader->require_subcommand(1);
  auto o = std::make_shared<ReaderOptions>();
  CLI::App* add = reader->add_subcommand(
      "add", "Add a reader whose address counts as confirmed (no e-mail is sent)");
  AddStoreOptions(*add, o->store);
  add->add_option("name", o->name, "The name shown with their comments (reserved for them)")
      ->required();
  add->add_option("email", o->email, "Their e-mail address")->required();
  add->add_flag("--password-stdin", o->password_stdin,
                "Read a password (one line, at least 10 characters) from standard input; "
                "without it they sign in by e-mailed links");
  add->callback([o] {
    if (o->name.empty() || !utf8::IsValid(o->name) || utf8::Length(o->name) > site::kMaxReaderName ||
        comments::ReaderNameKey(o->name).empty()) {
      Fail("a reader's name is 1 to 60 characters with letters or digits", 2);
    }
    if (!site::IsPlausibleEmail(o->email)) Fail("that is not an e-mail address", 2);
    site::Reader r;
    r.name = o->name;
    r.name_key = comments::ReaderNameKey(o->name);
    r.email = o->email;
    r.created_at = std::time(nullptr);
    r.confirmed_at = r.created_at;
    if (o->password_stdin) {
      std::string line;
      std::getline(std::cin, line);
      while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
      if (!utf8::IsValid(line) || utf8::Length(line) < moderation::kMinPasswordLength) {
        Fail("a password needs at least 10 characters of UTF-8 text", 2);
      }
      r.password_hash = moderation::HashPassword(line);
    }
    auto store = OpenStoreOrExit(LoadConfigOrExit(o->store));
    auto made = store->CreateReader(r);
    if (!made.ok()) Fail(made.status().message());
    std::cout << "added reader " << made->id << " " << made->name << " <" << made->email << ">\n";
  });
}

}  // namespace tribune::cli
