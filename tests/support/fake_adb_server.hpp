#pragma once
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace billing::test {

// One request the fake received: the service ("host:version") and the
// bytes as they came ("000chost:version").
struct AdbRequest {
    std::string service;
    std::string wire;
};

// An adb server for tests on 127.0.0.1 and a free port, speaking the
// smart-socket protocol byte for byte (4 hex digits of length + service;
// OKAY / FAIL + length-prefixed message; host:transport then shell: on the
// same connection, the shell's output until the server closes). It records
// every request and answers as scripted:
//   host:version          OKAY 0004 <version in hex>
//   host:devices          OKAY <len> "serial\tstate\n"...
//   host:connect:S        OKAY <len> "connected to S" / "already connected to S" /
//                         "failed to connect to 'S': Connection refused" /
//                         "failed to authenticate to S" (as set_tv says)
//   host:disconnect:S     OKAY <len> "disconnected S"
//   host:transport:S      OKAY for a connected TV; FAIL "device unauthorized. ..." /
//                         "device 'S' not found"
//   shell:CMD             OKAY, then the scripted output, then close
// Faults can be injected per service prefix: hang (never answers), close
// in the middle of the reply, or FAIL with a message.
class FakeAdbServer {
public:
    enum class TvMode { accepts, refuses, unauthorized };
    enum class Fault { hang, close_mid_reply, fail };

    FakeAdbServer();
    ~FakeAdbServer();
    FakeAdbServer(const FakeAdbServer&) = delete;
    FakeAdbServer& operator=(const FakeAdbServer&) = delete;

    unsigned short port() const { return port_; }

    void set_version(int version);
    // How host:connect:<serial> goes (TVs not named accept).
    void set_tv(const std::string& serial, TvMode mode);
    // The output of shell commands starting with `command_prefix`.
    void set_shell_output(const std::string& command_prefix, std::string output);
    // The next `times` requests whose service starts with `service_prefix`
    // get `fault` instead of their answer.
    void inject(const std::string& service_prefix, Fault fault, int times = 1, std::string fail_message = {});
    // Forgets every TV link, as a restarted server would (host:transport
    // then says "not found" until the TV is connected again).
    void drop_tv_links();

    std::vector<AdbRequest> requests() const;
    // The shell commands run on `serial`, in order.
    std::vector<std::string> shell_commands(const std::string& serial) const;
    // How many requests had a service starting with `prefix`.
    std::size_t count(const std::string& prefix) const;

private:
    struct Injected {
        std::string prefix;
        Fault fault;
        int times;
        std::string message;
    };

    void accept_loop();
    void serve(int fd);
    // The fault due for this service, if any (and counts it down).
    bool take_fault(const std::string& service, Injected& fault);
    std::string answer_host(const std::string& service);

    int listen_fd_ = -1;
    unsigned short port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    int version_ = 41;
    std::map<std::string, TvMode> tv_modes_;
    std::map<std::string, std::string> links_;  // serial -> "device" / "unauthorized"
    std::vector<std::pair<std::string, std::string>> shell_outputs_;
    std::vector<Injected> faults_;
    std::vector<AdbRequest> requests_;
    std::vector<std::pair<std::string, std::string>> shell_log_;  // serial, command
    std::vector<std::thread> connections_;
    std::thread acceptor_;
};

}  // namespace billing::test
