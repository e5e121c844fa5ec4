#pragma once
#include <atomic>
#include <chrono>
#include <map>
#include <string>

namespace adb {

class TcpStream;

// Where the adb server listens and how long one exchange may take.
struct ServerAddress {
    std::string host = "127.0.0.1";
    unsigned short port = 5037;
};

// The adb server's host services and a TV's shell, one connection per
// request as the adb client does. Blocking with deadlines: for the plugin's
// worker threads. Failures throw AdbFailure.
class AdbServerClient {
public:
    // `cancelled` (which must outlive the client) cuts every wait short.
    AdbServerClient(ServerAddress address, std::chrono::milliseconds timeout, const std::atomic<bool>& cancelled);

    // host:version -> the server's protocol version (41 for current adb).
    int version();
    // host:devices -> state by serial ("device", "unauthorized", "offline").
    std::map<std::string, std::string> devices();
    // host:connect:<serial> -> the server's text ("connected to ...",
    // "failed to authenticate to ..."), as it is.
    std::string connect(const std::string& serial, std::chrono::milliseconds timeout);
    // host:disconnect:<serial> -> the server's text.
    std::string disconnect(const std::string& serial);
    // host:transport:<serial> then shell:<command> on the same connection;
    // returns what the command printed (read until the TV closes).
    // AdbFailure(tv_unauthorized) when the transport FAILs as unauthorised,
    // tv_offline when the TV is not (or no longer) connected.
    std::string shell(const std::string& serial, const std::string& command);

private:
    TcpStream open(std::chrono::milliseconds timeout);
    // Sends one request and reads OKAY, or throws with the FAIL message.
    void request(TcpStream& stream, const std::string& service);
    // A 4-hex-digit length and that many bytes.
    std::string read_message(TcpStream& stream);
    std::string host_query(const std::string& service, std::chrono::milliseconds timeout);

    ServerAddress address_;
    std::chrono::milliseconds timeout_;
    const std::atomic<bool>& cancelled_;
};

}  // namespace adb
