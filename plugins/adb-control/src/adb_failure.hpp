#pragma once
#include <stdexcept>
#include <string>

namespace adb {

// Why talking to the adb server or a TV failed. The code is the one the API
// and the adb.command_failed event show.
enum class FailureKind {
    server_unavailable,  // no adb server answers and none could be started
    timeout,             // the server or the TV did not answer in time
    closed,              // the connection ended in the middle of a reply
    protocol,            // the reply was not what the protocol allows
    refused,             // FAIL from the server (its message says why)
    tv_offline,          // the TV did not accept a connection
    tv_unauthorized,     // the TV has not allowed this computer's adb key
};

// The API code of a kind ("adb_unavailable", "adb_timeout", ...).
const char* code_of(FailureKind kind);
// Whether trying again later may help.
bool worth_retrying(FailureKind kind);

class AdbFailure : public std::runtime_error {
public:
    AdbFailure(FailureKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    FailureKind kind() const { return kind_; }

private:
    FailureKind kind_;
};

}  // namespace adb
