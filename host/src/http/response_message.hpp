#pragma once
#include <boost/beast/http/message_generator.hpp>

#include <billing/sdk/http.hpp>

namespace billing::host {

// Turns a handler's response into the HTTP message written on the wire:
// its body or the file at `file_path` (deleted once opened if asked: the
// open descriptor keeps it readable), its headers, `X-Content-Type-Options:
// nosniff`, and the connection's keep-alive. For HEAD the body is left out
// but its length is announced.
boost::beast::http::message_generator make_response_message(sdk::HttpResponse response, unsigned version,
                                                            bool keep_alive, bool head_only);

}  // namespace billing::host
