// Status and Result: how fallible calls report expected failures.
// Exceptions are kept for what aborts a whole operation (programming errors,
// a database that vanished); everything a user can cause comes back as a Status.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace tribune {

enum class Code {
  kOk,
  kInvalidArgument,     // the input is wrong; the message says how
  kNotFound,            // the thing asked for does not exist
  kAlreadyExists,       // a unique thing would be created twice
  kFailedPrecondition,  // the state forbids it (e.g. comments closed)
  kUnavailable,         // try again later (database busy, shutting down)
  kInternal,            // a bug or an environment failure
};

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {Code::kAlreadyExists, std::move(m)}; }
inline Status FailedPrecondition(std::string m) { return {Code::kFailedPrecondition, std::move(m)}; }
inline Status Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
inline Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

// A value or the Status that says why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be Ok

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace tribune

#define TRIBUNE_RETURN_IF_ERROR(expr)         \
  do {                                        \
    ::tribune::Status _st = (expr);           \
    if (!_st.ok()) return _st;                \
  } while (0)
