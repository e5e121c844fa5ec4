#include "http/request_target.hpp"

#include <boost/url/parse.hpp>

#include "core/utf8.hpp"

namespace billing::host {

std::optional<RequestTarget> parse_request_target(std::string_view target) {
    auto url = boost::urls::parse_origin_form(target);
    if (!url) return std::nullopt;

    RequestTarget result;
    // Decode segment by segment, so that "%2F" cannot pass for a separator.
    for (auto segment : url->segments()) {
        if (segment.find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) return std::nullopt;
        // Error messages quote the path; JSON cannot carry invalid UTF-8.
        if (!is_valid_utf8(segment)) return std::nullopt;
        result.path += '/';
        result.path += segment;
    }
    if (result.path.empty()) result.path = "/";

    boost::urls::encoding_opts form;
    form.space_as_plus = true;
    for (auto param : url->params(form)) {
        if (!is_valid_utf8(param.key) || !is_valid_utf8(param.value)) return std::nullopt;
        result.query.emplace(param.key, param.value);
    }
    return result;
}

}  // namespace billing::host
