// The newsroom desk's sign-in on a real SQLite store: failed attempts are
// limited per network and per name from one network, but a name guessed at
// from elsewhere is not locked out; signing out ends the session.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <mutex>
#include <vector>

#include "comments/comment_service.h"
#include "core/config.h"
#include "moderation/newsroom_desk.h"
#include "store/comment_writer.h"
#include "store/sqlite/sqlite_store.h"

namespace tribune::moderation {
namespace {

class NewsroomDeskTest : public ::testing::Test {
 protected:
  NewsroomDeskTest() {
    std::string dir = std::string(TRIBUNE_TEST_TMP) + "/desk";
    std::filesystem::create_directories(dir);
    path_ = dir + "/d" + std::to_string(getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    store_ = std::move(store::OpenSqliteStore({path_, 2})).value();
    EXPECT_TRUE(store_->Migrate().ok());
    writer_ = std::make_unique<store::CommentWriter>(*store_, [](const std::vector<int64_t>&) {});
    comments_ = std::make_unique<comments::CommentService>(
        config_, comments::CommentStores{*store_, *store_, *store_, *store_, *store_}, *writer_, signer_, nullptr);
    desk_ = std::make_unique<NewsroomDesk>(config_, *store_, signer_, *comments_);
    site::Staff s;
    s.name = "maria";
    s.password_hash = HashPassword(kPassword);
    maria_ = *store_->CreateStaff(s);
    // The desk prepares its stand-in hash on its worker first; wait for it,
    // as the handlers do by running sign-ins there.
    std::promise<void> ready;
    desk_->Submit([&] { ready.set_value(); });
    ready.get_future().wait();
  }
  ~NewsroomDeskTest() override {
    desk_.reset();
    comments_.reset();
    writer_.reset();
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  SignInOutcome::Kind Try(const std::string& name, const std::string& password,
                          const std::string& ip) {
    return desk_->SignIn(name, password, ip, kNow, now_ms_ += 10).kind;
  }

  static constexpr const char* kPassword = "a perfectly good password";
  static constexpr int64_t kNow = 1'800'000'000;
  int64_t now_ms_ = 1'000'000;
  std::string path_;
  Config config_;
  comments::Signer signer_{"desk-test-secret"};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::CommentWriter> writer_;
  std::unique_ptr<comments::CommentService> comments_;
  std::unique_ptr<NewsroomDesk> desk_;
  site::Staff maria_;
};

using Kind = SignInOutcome::Kind;

TEST_F(NewsroomDeskTest, GuessesFromOneNetworkDoNotLockTheNameOutElsewhere) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Try("maria", "guess", "198.51.100.7"), Kind::kWrong);
  // That network is refused for this name, the right password included...
  EXPECT_EQ(Try("maria", kPassword, "198.51.100.8"), Kind::kLimited);
  // ...while maria, at her desk on another network, signs in.
  EXPECT_EQ(Try("maria", kPassword, "203.0.113.9"), Kind::kSignedIn);
  EXPECT_EQ(Try("maria", kPassword, "2001:db8:1:2::5"), Kind::kSignedIn);
}

TEST_F(NewsroomDeskTest, ANetworkThatFailsTenTimesIsRefusedForEveryName) {
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(Try("user" + std::to_string(i), "guess", "2001:db8:7:7::" + std::to_string(i + 1)),
              Kind::kWrong);
  }
  // Every address of that /64 is the same network.
  EXPECT_EQ(Try("maria", kPassword, "2001:db8:7:7:ffff::1"), Kind::kLimited);
  EXPECT_EQ(Try("maria", kPassword, "2001:db8:7:8::1"), Kind::kSignedIn);
}

TEST_F(NewsroomDeskTest, LimitsAreCheckedBeforeAnAttemptIsQueued) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Try("maria", "guess", "198.51.100.7"), Kind::kWrong);
  std::promise<SignInOutcome> answer;
  EXPECT_EQ(desk_->SubmitSignIn("maria", kPassword, "198.51.100.7", kNow, now_ms_,
                                [&](SignInOutcome o) { answer.set_value(o); }),
            NewsroomDesk::Admission::kLimited);
  EXPECT_EQ(desk_->SubmitSignIn("maria", kPassword, "203.0.113.1", kNow, now_ms_,
                                [&](SignInOutcome o) { answer.set_value(o); }),
            NewsroomDesk::Admission::kQueued);
  EXPECT_EQ(answer.get_future().get().kind, Kind::kSignedIn);
}

std::string KnownDevice(const NewsroomDesk& desk, int64_t staff_id, int64_t now) {
  return desk.devices().Verify(desk.devices().Issue(staff_id, now + 3600), now);
}

// A flood of attempts from strangers fills their part of the queue; a
// moderator's known device has a lane of its own, which the worker serves
// first.
TEST_F(NewsroomDeskTest, AKnownDeviceIsServedAheadOfAFullQueue) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  ASSERT_TRUE(desk_->Submit([gate] { gate.wait(); }));  // the worker is busy
  std::mutex mu;
  std::vector<std::string> order;
  auto note = [&](const char* who) {
    std::lock_guard lock(mu);
    order.push_back(who);
  };
  for (int i = 0; i < NewsroomDesk::kMaxSignInsWaiting; ++i) {
    EXPECT_EQ(desk_->SubmitSignIn("user" + std::to_string(i), "guess",
                                  "198.51." + std::to_string(i) + ".7", kNow, now_ms_,
                                  [&](SignInOutcome) { note("stranger"); }),
              NewsroomDesk::Admission::kQueued);
  }
  EXPECT_EQ(desk_->SubmitSignIn("maria", kPassword, "192.0.2.1", kNow, now_ms_,
                                [&](SignInOutcome) { note("maria, new browser"); }),
            NewsroomDesk::Admission::kBusy);
  std::promise<SignInOutcome> mine;
  EXPECT_EQ(desk_->SubmitSignIn("maria", kPassword, "192.0.2.1", kNow, now_ms_,
                                [&](SignInOutcome o) {
                                  note("maria, known device");
                                  mine.set_value(o);
                                },
                                KnownDevice(*desk_, maria_.id, kNow)),
            NewsroomDesk::Admission::kQueued);
  release.set_value();
  SignInOutcome out = mine.get_future().get();
  EXPECT_EQ(out.kind, Kind::kSignedIn);
  EXPECT_FALSE(desk_->devices().Verify(out.device_cookie, kNow).empty());
  std::promise<void> drained;
  ASSERT_TRUE(desk_->Submit([&] { drained.set_value(); }));
  drained.get_future().wait();
  std::lock_guard lock(mu);
  ASSERT_EQ(order.size(), 5u);
  EXPECT_EQ(order.front(), "maria, known device");
}

TEST_F(NewsroomDeskTest, AKnownDeviceIsLimitedOnItsOwnNotWithItsNetwork) {
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(Try("user" + std::to_string(i), "guess", "198.51.100." + std::to_string(i + 1)),
              Kind::kWrong);
  }
  EXPECT_EQ(Try("maria", kPassword, "198.51.100.50"), Kind::kLimited);  // her network waits
  std::string device = KnownDevice(*desk_, maria_.id, kNow);
  auto on_device = [&](const std::string& password) {
    return desk_->SignIn("maria", password, "198.51.100.50", kNow, now_ms_ += 10, device).kind;
  };
  EXPECT_EQ(on_device(kPassword), Kind::kSignedIn);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(on_device("guess"), Kind::kWrong);
  EXPECT_EQ(on_device(kPassword), Kind::kLimited);  // five wrong guesses on it: it waits too
}

TEST(KnownDevices, OnlyAnUnexpiredCookieSignedHereIsAKnownDevice) {
  comments::Signer signer("known-devices-secret"), other("another-site-secret");
  KnownDevices devices(signer);
  constexpr int64_t kAt = 1'800'000'000;
  std::string cookie = devices.Issue(7, kAt + 3600);
  std::string id = devices.Verify(cookie, kAt);
  EXPECT_EQ(id.size(), 24u);
  EXPECT_NE(devices.Verify(devices.Issue(7, kAt + 3600), kAt), id);  // each sign-in: a new id
  EXPECT_EQ(devices.Verify(cookie, kAt + 3600), "");                 // expired
  EXPECT_EQ(KnownDevices(other).Verify(cookie, kAt), "");            // another site's key
  std::string tampered = cookie;
  tampered[3] = tampered[3] == '7' ? '8' : '7';  // the staff id
  EXPECT_EQ(devices.Verify(tampered, kAt), "");
  EXPECT_EQ(devices.Verify(devices.Issue(7, kAt + KnownDevices::kLifetime + 10), kAt), "");
  for (const char* junk : {"", "d1", "d1.7.1.ab.cd", "x.y.z.w.v", "d1.7..abc.def"}) {
    EXPECT_EQ(devices.Verify(junk, kAt), "") << junk;
  }
}

TEST_F(NewsroomDeskTest, AbsurdNamesAreJustWrong) {
  EXPECT_EQ(Try(std::string(5000, 'n'), "x", "192.0.2.1"), Kind::kWrong);
  EXPECT_EQ(Try("ma\nria", kPassword, "192.0.2.1"), Kind::kWrong);
  EXPECT_EQ(Try("", kPassword, "192.0.2.1"), Kind::kWrong);
}

TEST_F(NewsroomDeskTest, SigningOutEndsTheSessionEverywhere) {
  // Two devices, signed in a minute apart: two different sessions.
  SignInOutcome a = desk_->SignIn("maria", kPassword, "192.0.2.1", kNow, 1);
  SignInOutcome b = desk_->SignIn("maria", kPassword, "192.0.2.2", kNow + 60, 2);
  ASSERT_EQ(a.kind, Kind::kSignedIn);
  ASSERT_EQ(b.kind, Kind::kSignedIn);
  ASSERT_NE(a.cookie, b.cookie);
  ASSERT_TRUE(desk_->Member(b.cookie, kNow + 60).has_value());
  ASSERT_TRUE(desk_->Member(a.cookie, kNow + 60).has_value());
  EXPECT_EQ(desk_->Member(a.cookie, kNow + 60)->name, "maria");
  ASSERT_TRUE(desk_->SignOut(*desk_->Member(a.cookie, kNow + 60), "192.0.2.1", kNow + 60).ok());
  EXPECT_FALSE(desk_->Member(a.cookie, kNow + 60).has_value());
  EXPECT_FALSE(desk_->Member(b.cookie, kNow + 60).has_value());
  // Both sign-ins and the sign-out are in the audit log, with where they came from.
  site::AuditQuery mine;
  mine.actor = "maria";
  auto log = store_->ListAudit(mine);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].action, "staff.sign_out");
  EXPECT_EQ((*log)[0].from, "192.0.2.1");
  EXPECT_EQ((*log)[1].action, "staff.sign_in");
  EXPECT_EQ((*log)[1].from, "192.0.2.2");
  EXPECT_EQ((*log)[1].target, "staff maria");
  // A later sign-in works again.
  SignInOutcome c = desk_->SignIn("maria", kPassword, "192.0.2.1", kNow, 3);
  EXPECT_TRUE(desk_->Member(c.cookie, kNow + 60).has_value());
  // A removed member's session ends too.
  ASSERT_TRUE(store_->DeleteStaff(maria_.id).ok());
  EXPECT_FALSE(desk_->Member(c.cookie, kNow + 60).has_value());
}

}  // namespace
}  // namespace tribune::moderation
