// Start-up time to the first answered request: forks the host, polls
// GET /api/v1/health every millisecond over loopback, prints the elapsed
// milliseconds when it answers 200, then stops the host with SIGTERM.
//
//   startup_probe <billing-host> <port> [host args...]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

bool health_answers(unsigned short port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = false;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        const char request[] = "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        if (::write(fd, request, sizeof request - 1) > 0) {
            char reply[64] = {};
            ok = ::read(fd, reply, sizeof reply - 1) > 12 && std::strncmp(reply + 9, "200", 3) == 0;
        }
    }
    ::close(fd);
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s <billing-host> <port> [host args...]\n", argv[0]);
        return 2;
    }
    const auto port = static_cast<unsigned short>(std::atoi(argv[2]));
    std::vector<char*> args{argv[1]};
    std::string port_text = argv[2];
    args.push_back(const_cast<char*>("--port"));
    args.push_back(port_text.data());
    for (int i = 3; i < argc; ++i) args.push_back(argv[i]);
    args.push_back(nullptr);

    const auto started = std::chrono::steady_clock::now();
    pid_t child = ::fork();
    if (child == 0) {
        ::execv(argv[1], args.data());
        std::perror("execv");
        std::_Exit(127);
    }
    const auto deadline = started + std::chrono::seconds(20);
    bool answered = false;
    while (std::chrono::steady_clock::now() < deadline && !(answered = health_answers(port)))
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    ::kill(child, SIGTERM);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!answered) {
        std::fprintf(stderr, "the host did not answer within 20 s\n");
        return 1;
    }
    std::printf("%.1f\n", elapsed.count());
    return 0;
}
