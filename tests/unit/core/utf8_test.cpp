#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ASCII"));
    EXPECT_TRUE(is_valid_utf8("\xC3\xB1o\xC3\xB1o"));             // ñoño
    EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));                   // €
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));                   // U+D7FF, just below the surrogates
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x8E\xAE"));               // 🎮
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));               // U+10FFFF
    EXPECT_TRUE(is_valid_utf8(std::string_view("nul\0inside", 10)));
}

TEST(Utf8, RefusesMalformedText) {
    EXPECT_FALSE(is_valid_utf8("\x8A"));              // a stray continuation byte
    EXPECT_FALSE(is_valid_utf8("caf\xE9"));           // Latin-1
    EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
    EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // the surrogate U+D800
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    EXPECT_FALSE(is_valid_utf8("\xC3\x28"));          // a lead byte not followed by a continuation
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

}  // namespace
}  // namespace billing::host
