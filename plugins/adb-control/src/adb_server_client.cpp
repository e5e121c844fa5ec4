#include "adb_server_client.hpp"

#include "adb_failure.hpp"
#include "adb_wire.hpp"
#include "tcp_stream.hpp"

namespace adb {

namespace {

// A shell's output is small here (key events, dumpsys power); a runaway
// command must not fill the host's memory.
constexpr std::size_t kMaxShellOutput = 1024 * 1024;

// A FAIL from host:transport names why the TV cannot be reached.
FailureKind kind_of_transport_failure(const std::string& message) {
    if (wire::says_unauthorized(message)) return FailureKind::tv_unauthorized;
    if (message.find("not found") != std::string::npos || message.find("offline") != std::string::npos)
        return FailureKind::tv_offline;
    return FailureKind::refused;
}

}  // namespace

AdbServerClient::AdbServerClient(ServerAddress address, std::chrono::milliseconds timeout,
                                 const std::atomic<bool>& cancelled)
    : address_(std::move(address)), timeout_(timeout), cancelled_(cancelled) {}

TcpStream AdbServerClient::open(std::chrono::milliseconds timeout) {
    return TcpStream(address_.host, address_.port, TcpStream::Clock::now() + timeout, cancelled_);
}

std::string AdbServerClient::read_message(TcpStream& stream) {
    const auto prefix = stream.read_exact(4);
    const auto length = wire::parse_length(prefix);
    if (!length) throw AdbFailure(FailureKind::protocol, "the adb server sent a bad length \"" + prefix + "\"");
    return stream.read_exact(*length);
}

void AdbServerClient::request(TcpStream& stream, const std::string& service) {
    stream.write_all(wire::frame(service));
    const auto status = stream.read_exact(4);
    if (status == "OKAY") return;
    if (status == "FAIL") throw AdbFailure(FailureKind::refused, read_message(stream));
    throw AdbFailure(FailureKind::protocol, "the adb server answered \"" + status + "\" to " + service);
}

std::string AdbServerClient::host_query(const std::string& service, std::chrono::milliseconds timeout) {
    auto stream = open(timeout);
    request(stream, service);
    return read_message(stream);
}

int AdbServerClient::version() {
    const auto text = host_query("host:version", timeout_);
    const auto version = wire::parse_length(text);
    if (!version) throw AdbFailure(FailureKind::protocol, "the adb server sent a bad version \"" + text + "\"");
    return static_cast<int>(*version);
}

std::map<std::string, std::string> AdbServerClient::devices() {
    return wire::parse_devices(host_query("host:devices", timeout_));
}

std::string AdbServerClient::connect(const std::string& serial, std::chrono::milliseconds timeout) {
    return host_query("host:connect:" + serial, timeout);
}

std::string AdbServerClient::disconnect(const std::string& serial) {
    return host_query("host:disconnect:" + serial, timeout_);
}

std::string AdbServerClient::shell(const std::string& serial, const std::string& command) {
    auto stream = open(timeout_);
    try {
        request(stream, "host:transport:" + serial);
    } catch (const AdbFailure& failure) {
        if (failure.kind() != FailureKind::refused) throw;
        throw AdbFailure(kind_of_transport_failure(failure.what()), serial + ": " + failure.what());
    }
    request(stream, "shell:" + command);
    return stream.read_to_end(kMaxShellOutput);
}

}  // namespace adb
