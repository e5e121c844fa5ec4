#pragma once
#include <functional>
#include <string>

#include <billing/sdk/http.hpp>

namespace billing::test {

// What an sdk::ApiError thrown by `call` said; {0, "no error"} if it threw none.
struct ThrownApiError {
    int status = 0;
    std::string code = "no error";
};

inline ThrownApiError thrown_api_error(const std::function<void()>& call) {
    try {
        call();
    } catch (const sdk::ApiError& error) {
        return {error.status(), error.code()};
    }
    return {};
}

inline std::string error_code_of(const std::function<void()>& call) { return thrown_api_error(call).code; }

}  // namespace billing::test
