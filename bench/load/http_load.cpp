#include "http_load.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace billing::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// How long an open-loop load may run behind its schedule after the
// measured window before the requests still due are given up (and counted).
constexpr auto kDrainLimit = 5s;
constexpr auto kRequestTimeout = 30s;
constexpr std::size_t kReadBufferBytes = 256 * 1024;

// The times a load runs by, shared by every connection.
struct Schedule {
    Clock::time_point start, window_start, window_end;
    double rate = 0;
    std::size_t connections = 0;

    // When request `n` of connection `index` is due in an open loop: the
    // connections take turns, so the load as a whole is evenly spaced.
    Clock::time_point due(std::size_t index, std::size_t n) const {
        const auto seconds = static_cast<double>(n * connections + index) / rate;
        return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    }
};

// Shared by the connections: the first failure stops them all.
struct Failure {
    std::atomic<bool> happened{false};
    std::mutex mutex;
    std::string message;

    void record(const std::string& what) {
        std::lock_guard lock(mutex);
        if (happened.exchange(true)) return;
        message = what;
    }
};

// A response body that keeps its first kKeptBodyBytes and only counts the
// rest. Flows read bodies to check answers (a session's id, an error's
// message), never the station board's 35-70 KB; copying those into a string
// (zeroed first) cost the driver a sixth of its CPU, taken from the two
// cores it shares with the host.
constexpr std::size_t kKeptBodyBytes = 16 * 1024;

struct KeptPrefixBody {
    struct value_type {
        std::string kept;
        std::uint64_t size = 0;
    };

    class reader {
    public:
        template <bool isRequest, class Fields>
        reader(http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

        void init(const boost::optional<std::uint64_t>&, beast::error_code& error) {
            body_.kept.clear();
            body_.size = 0;
            error = {};
        }

        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence& buffers, beast::error_code& error) {
            std::size_t taken = 0;
            for (const auto buffer : beast::buffers_range_ref(buffers)) {
                const auto room = kKeptBodyBytes - std::min(kKeptBodyBytes, body_.kept.size());
                body_.kept.append(static_cast<const char*>(buffer.data()), std::min(room, buffer.size()));
                taken += buffer.size();
            }
            body_.size += taken;
            error = {};
            return taken;
        }

        void finish(beast::error_code& error) { error = {}; }

    private:
        value_type& body_;
    };
};

// One keep-alive connection and what it measured.
struct Connection {
    std::size_t index = 0;
    std::unique_ptr<RequestFlow> flow;
    LoadResult result;
};

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

http::request<http::string_body> to_http(const LoadRequest& request, const LoadOptions& options) {
    http::request<http::string_body> message;
    message.method_string(request.method);
    message.target(request.target);
    message.version(11);
    message.keep_alive(true);
    message.set(http::field::host, "127.0.0.1:" + std::to_string(options.port));
    if (!options.token.empty()) message.set(http::field::authorization, "Bearer " + options.token);
    if (!request.body.empty()) {
        message.set(http::field::content_type, "application/json");
        message.body() = request.body;
    }
    message.prepare_payload();
    return message;
}

asio::awaitable<void> connect(beast::tcp_stream& stream, unsigned short port) {
    stream.expires_after(kRequestTimeout);
    co_await stream.async_connect({asio::ip::address_v4::loopback(), port}, asio::use_awaitable);
    stream.socket().set_option(asio::ip::tcp::no_delay(true));
}

asio::awaitable<void> drive(Connection& connection, const LoadOptions& options, const Schedule& schedule,
                            Failure& failure) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    asio::steady_timer timer(stream.get_executor());
    // Room for a large answer at once (the station board is ~70 KB): a small
    // buffer grows slowly and reads it in many small pieces.
    beast::flat_buffer buffer;
    buffer.reserve(kReadBufferBytes);
    co_await connect(stream, options.port);
    const bool open_loop = schedule.rate > 0;
    for (std::size_t n = 0; !failure.happened; ++n) {
        auto due = open_loop ? schedule.due(connection.index, n) : Clock::now();
        if (due >= schedule.window_end) break;
        if (open_loop && Clock::now() > schedule.window_end + kDrainLimit) {
            // Every request of this connection still due in the window is given up.
            for (; schedule.due(connection.index, n) < schedule.window_end; ++n) ++connection.result.unsent;
            break;
        }
        if (due > Clock::now()) {
            timer.expires_at(due);
            co_await timer.async_wait(asio::use_awaitable);
        }
        const auto request = connection.flow->next();
        auto message = to_http(request, options);
        stream.expires_after(kRequestTimeout);
        co_await http::async_write(stream, message, asio::use_awaitable);
        http::response<KeptPrefixBody> response;
        co_await http::async_read(stream, buffer, response, asio::use_awaitable);
        const auto answered = Clock::now();
        connection.flow->answered(request, static_cast<int>(response.result_int()), response.body().kept);
        ++connection.result.answered_total;
        if (due >= schedule.window_start) {
            connection.result.latencies_ms[request.label].push_back(ms_between(due, answered));
            ++connection.result.measured_count;
        }
        if (!response.keep_alive()) {
            beast::error_code ignored;
            stream.socket().close(ignored);
            buffer.clear();
            co_await connect(stream, options.port);  // a closed socket is opened again
        }
    }
    beast::error_code ignored;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
}

}  // namespace

LoadResult run_http_load(const LoadOptions& options, const FlowFactory& flows) {
    const auto threads = static_cast<std::size_t>(options.threads);
    const auto per_thread = static_cast<std::size_t>(options.connections_per_thread);
    std::vector<Connection> connections(threads * per_thread);
    for (std::size_t i = 0; i < connections.size(); ++i) {
        connections[i].index = i;
        connections[i].flow = flows(i, connections.size());
    }

    Schedule schedule;
    schedule.rate = options.rate;
    schedule.connections = connections.size();
    schedule.start = Clock::now();
    schedule.window_start = schedule.start + options.warmup;
    schedule.window_end = schedule.window_start + options.measured;

    Failure failure;
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            asio::io_context io(1);
            for (std::size_t c = t * per_thread; c < (t + 1) * per_thread; ++c)
                asio::co_spawn(io, drive(connections[c], options, schedule, failure),
                               [&failure, c](std::exception_ptr error) {
                                   if (!error) return;
                                   try {
                                       std::rethrow_exception(error);
                                   } catch (const std::exception& e) {
                                       failure.record("connection " + std::to_string(c) + ": " + e.what());
                                   }
                               });
            io.run();
        });
    for (auto& worker : workers) worker.join();
    if (failure.happened) throw std::runtime_error(failure.message);

    LoadResult total;
    total.measured_seconds = std::chrono::duration<double>(options.measured).count();
    for (auto& connection : connections) {
        for (auto& [label, samples] : connection.result.latencies_ms) {
            auto& merged = total.latencies_ms[label];
            merged.insert(merged.end(), samples.begin(), samples.end());
        }
        total.measured_count += connection.result.measured_count;
        total.answered_total += connection.result.answered_total;
        total.unsent += connection.result.unsent;
    }
    return total;
}

}  // namespace billing::bench
