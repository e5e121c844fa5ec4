#pragma once
// The plugin ABI: a version negotiated before any other plugin code runs,
// and a build signature naming everything that must match between the host
// and a plugin for C++ types (std::string, std::function, nlohmann::json) to
// cross the library boundary safely.

#include <nlohmann/json.hpp>

// Bump MAJOR when an interface changes incompatibly (a virtual added, removed
// or reordered, a value type changed). Bump MINOR for additions that older
// plugins do not see (a new free helper, a new topic constant).
#ifndef BILLING_SDK_ABI_MAJOR
#define BILLING_SDK_ABI_MAJOR 1
#endif
#ifndef BILLING_SDK_ABI_MINOR
#define BILLING_SDK_ABI_MINOR 1
#endif

#define BILLING_SDK_STRINGIFY_(x) #x
#define BILLING_SDK_STRINGIFY(x) BILLING_SDK_STRINGIFY_(x)

#if defined(__clang__)
#define BILLING_SDK_COMPILER "clang-" BILLING_SDK_STRINGIFY(__clang_major__)
#elif defined(__GNUC__)
#define BILLING_SDK_COMPILER "gcc-" BILLING_SDK_STRINGIFY(__GNUC__)
#else
#define BILLING_SDK_COMPILER "unknown"
#endif

#if defined(_GLIBCXX_USE_CXX11_ABI)
#define BILLING_SDK_CXX11_ABI BILLING_SDK_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)
#else
#define BILLING_SDK_CXX11_ABI "none"
#endif

// The build signature: compiler family and major version, the libstdc++
// string ABI, and the JSON library version (its inline namespace).
#define BILLING_SDK_BUILD_SIGNATURE                                        \
    "compiler=" BILLING_SDK_COMPILER ";cxx11abi=" BILLING_SDK_CXX11_ABI   \
    ";json=" BILLING_SDK_STRINGIFY(NLOHMANN_JSON_VERSION_MAJOR) "."       \
    BILLING_SDK_STRINGIFY(NLOHMANN_JSON_VERSION_MINOR) "."                \
    BILLING_SDK_STRINGIFY(NLOHMANN_JSON_VERSION_PATCH)

// Interfaces keep default visibility so their type information is shared
// with the host even though plugins build with hidden visibility.
#define BILLING_SDK_API __attribute__((visibility("default")))

extern "C" {
// What a plugin library reports about itself through billing_plugin_abi().
struct BillingPluginAbi {
    unsigned major;
    unsigned minor;
    const char* build_signature;
};
}
