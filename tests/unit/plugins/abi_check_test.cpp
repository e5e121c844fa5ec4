#include <gtest/gtest.h>

#include <billing/sdk/abi.hpp>

#include "plugins/abi_check.hpp"

namespace billing::host {
namespace {

const AbiInfo host{1, 2, "compiler=gcc-12;cxx11abi=1;json=3.11.2"};

std::string verdict(const AbiInfo& plugin) { return abi_incompatibility(plugin, host).value_or("compatible"); }

TEST(AbiCheck, VersionMatrix) {
    const auto& signature = host.build_signature;
    EXPECT_EQ(verdict({1, 0, signature}), "compatible");
    EXPECT_EQ(verdict({1, 2, signature}), "compatible");
    EXPECT_EQ(verdict({1, 3, signature}),
              "built for SDK ABI 1.3 but the host provides 1.2 (the plugin needs a newer host)");
    EXPECT_EQ(verdict({0, 9, signature}),
              "built for SDK ABI 0.9 but the host provides 1.2 (the major version must be the same)");
    EXPECT_EQ(verdict({2, 0, signature}),
              "built for SDK ABI 2.0 but the host provides 1.2 (the major version must be the same)");
    EXPECT_EQ(verdict({99, 0, "anything"}),
              "built for SDK ABI 99.0 but the host provides 1.2 (the major version must be the same)");
}

TEST(AbiCheck, SignatureDifferencesAreNamed) {
    EXPECT_EQ(verdict({1, 0, "compiler=gcc-11;cxx11abi=1;json=3.11.2"}),
              "built with compiler=gcc-11 but the host has compiler=gcc-12");
    EXPECT_EQ(verdict({1, 0, "compiler=clang-15;cxx11abi=0;json=3.11.2"}),
              "built with compiler=clang-15, cxx11abi=0 but the host has compiler=gcc-12, cxx11abi=1");
    EXPECT_EQ(verdict({1, 0, "compiler=gcc-12;cxx11abi=1;json=3.10.5"}),
              "built with json=3.10.5 but the host has json=3.11.2");
    EXPECT_EQ(verdict({1, 0, "compiler=gcc-12;cxx11abi=1"}), "built with json=(none) but the host has json=3.11.2");
    EXPECT_EQ(verdict({1, 0, "json=3.11.2;compiler=gcc-12;cxx11abi=1"}), "compatible") << "order does not matter";
}

TEST(AbiCheck, ManifestVersionsUseTheSameRule) {
    EXPECT_FALSE(abi_version_incompatibility(1, 2, host));
    EXPECT_TRUE(abi_version_incompatibility(1, 3, host));
    EXPECT_TRUE(abi_version_incompatibility(2, 0, host));
}

TEST(AbiCheck, HostAbiComesFromTheSdkHeaders) {
    auto abi = host_abi();
    EXPECT_EQ(abi.major, static_cast<unsigned>(BILLING_SDK_ABI_MAJOR));
    EXPECT_EQ(abi.minor, static_cast<unsigned>(BILLING_SDK_ABI_MINOR));
    EXPECT_EQ(abi.build_signature, BILLING_SDK_BUILD_SIGNATURE);
    EXPECT_FALSE(abi_incompatibility(abi, abi));
}

}  // namespace
}  // namespace billing::host
