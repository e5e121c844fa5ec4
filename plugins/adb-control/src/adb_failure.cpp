#include "adb_failure.hpp"

namespace adb {

const char* code_of(FailureKind kind) {
    switch (kind) {
        case FailureKind::server_unavailable: return "adb_unavailable";
        case FailureKind::timeout: return "adb_timeout";
        case FailureKind::closed: return "adb_closed";
        case FailureKind::protocol: return "adb_protocol_error";
        case FailureKind::refused: return "adb_failed";
        case FailureKind::tv_offline: return "tv_offline";
        case FailureKind::tv_unauthorized: return "tv_unauthorized";
    }
    return "adb_failed";
}

bool worth_retrying(FailureKind kind) {
    // An absent adb or a TV waiting for its owner's "Allow" needs a person,
    // not another attempt a second later.
    return kind != FailureKind::server_unavailable && kind != FailureKind::tv_unauthorized;
}

}  // namespace adb
