// The SQLite backend's readers, subscriptions, outbox and jobs: each call
// runs on a connection the store gives it (a read, or a write transaction).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "site/comment.h"
#include "site/reader.h"
#include "store/store.h"
#include "store/sqlite/connection.h"

namespace tribune::store::sqlite {

// Adds the outbox event of comment `comment_id` on article `article_id`,
// stored (was null) or whose status changed from *was; `now` 0: the clock's.
void RecordCommentEvent(Connection& c, int64_t comment_id, int64_t article_id,
                        site::CommentStatus status, const site::CommentStatus* was, int64_t now);

Result<site::Reader> CreateReader(Connection& c, const site::Reader& r);
Result<site::Reader> GetReaderBy(Connection& c, const char* sql, std::string_view key);
Result<site::Reader> GetReaderById(Connection& c, int64_t id);
extern const char* const kReaderByEmail;
extern const char* const kReaderByNameKey;
Status UpdateReader(Connection& c, const site::Reader& r);
Status DeleteReader(Connection& c, int64_t id);
Result<int64_t> PruneUnconfirmedReaders(Connection& c, int64_t before);

Result<site::Subscription> AddSubscription(Connection& c, const site::Subscription& s);
Result<site::Subscription> GetSubscription(Connection& c, int64_t id);
Status ConfirmSubscription(Connection& c, int64_t id);
Status SetDigest(Connection& c, const std::string& email_key, bool digest);
Status RemoveSubscription(Connection& c, int64_t id);
Result<int64_t> RemoveSubscriptionsOf(Connection& c, const std::string& email_key);
Result<std::vector<site::Subscription>> ListSubscriptions(Connection& c,
                                                          const std::string& email_key);
Result<std::vector<site::Subscription>> SubscribersOf(Connection& c, int64_t article_id);

Status Enqueue(Connection& c, std::span<const site::OutboxItem> items);
Result<std::vector<site::OutboxItem>> ClaimOutbox(Connection& c, int64_t now, int64_t lease_s,
                                                  int64_t limit);
Status FinishOutbox(Connection& c, int64_t id, const std::string& state, const std::string& error,
                    int64_t retry_at, int64_t now);
Status ExpandEvent(Connection& c, int64_t event_id, std::span<const site::OutboxItem> items,
                   int64_t now);
Result<int64_t> CountOutbox(Connection& c, const std::string& kind, const std::string& target,
                            const std::string& topic, int64_t since);
Result<std::vector<site::OutboxItem>> TakeDigestLines(Connection& c, int64_t before,
                                                      int64_t limit);
Result<OutboxStore::Backlog> OutboxBacklog(Connection& c);
Result<std::vector<site::OutboxItem>> ListOutboxFor(Connection& c, const std::string& target,
                                                    int64_t limit);
Result<int64_t> PruneOutbox(Connection& c, int64_t before);
Result<bool> ClaimJob(Connection& c, const std::string& name, int64_t period_s, int64_t now);

}  // namespace tribune::store::sqlite
