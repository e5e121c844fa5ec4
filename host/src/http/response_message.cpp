#include "http/response_message.hpp"

#include <filesystem>

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <spdlog/spdlog.h>

namespace billing::host {

namespace http = boost::beast::http;

namespace {

template <class Body>
http::message_generator finish(http::response<Body>&& message, const sdk::HttpResponse& response, bool keep_alive) {
    if (!response.content_type.empty()) message.set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) message.insert(name, value);
    message.set("X-Content-Type-Options", "nosniff");
    message.keep_alive(keep_alive);
    return http::message_generator(std::move(message));
}

// The headers alone: for HEAD (announcing `length`), 204 and 304.
http::message_generator headers_only(const sdk::HttpResponse& response, unsigned version, bool keep_alive,
                                     std::optional<std::uint64_t> length) {
    http::response<http::empty_body> message{static_cast<http::status>(response.status), version};
    if (length) message.content_length(*length);
    return finish(std::move(message), response, keep_alive);
}

bool has_no_body(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace

http::message_generator make_response_message(sdk::HttpResponse response, unsigned version, bool keep_alive,
                                              bool head_only) {
    if (has_no_body(response.status)) return headers_only(response, version, keep_alive, std::nullopt);

    if (!response.file_path.empty()) {
        boost::beast::error_code error;
        http::file_body::value_type file;
        file.open(response.file_path.c_str(), boost::beast::file_mode::scan, error);
        if (response.delete_file_after_send) {
            std::error_code ignored;
            std::filesystem::remove(response.file_path, ignored);
        }
        if (!error) {
            if (head_only) return headers_only(response, version, keep_alive, file.size());
            http::response<http::file_body> message{static_cast<http::status>(response.status), version,
                                                    std::move(file)};
            message.prepare_payload();
            return finish(std::move(message), response, keep_alive);
        }
        spdlog::error("cannot send {}: {}", response.file_path, error.message());
        response = sdk::HttpResponse::error(500, "internal_error", "the response file could not be read");
    }

    if (head_only) return headers_only(response, version, keep_alive, response.body.size());
    http::response<http::string_body> message{static_cast<http::status>(response.status), version,
                                              std::move(response.body)};
    message.prepare_payload();
    return finish(std::move(message), response, keep_alive);
}

}  // namespace billing::host
