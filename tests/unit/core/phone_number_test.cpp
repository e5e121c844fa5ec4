#include "core/phone_number.hpp"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace billing::host {
namespace {

// The message of the refusal, "" if the text was accepted.
std::string refusal(const std::string& text) {
    try {
        normalise_phone_number(text);
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "";
}

TEST(PhoneNumber, ALocalNumberGetsTheCountryCode) {
    EXPECT_EQ(normalise_phone_number("081234567890"), "6281234567890");
}

TEST(PhoneNumber, SeparatorsAndALeadingPlusAreDropped) {
    EXPECT_EQ(normalise_phone_number("+62 812-3456.7890"), "6281234567890");
    EXPECT_EQ(normalise_phone_number("(0812) 3456 7890"), "6281234567890");
    EXPECT_EQ(normalise_phone_number("6281234567890"), "6281234567890");
}

TEST(PhoneNumber, ForeignNumbersKeepTheirDigits) {
    EXPECT_EQ(normalise_phone_number("+31 20 123 4567"), "31201234567");
}

TEST(PhoneNumber, EightToFifteenDigitsAreAccepted) {
    EXPECT_EQ(normalise_phone_number("12345678"), "12345678");
    EXPECT_EQ(normalise_phone_number("123456789012345"), "123456789012345");
    // The trunk 0 becomes 62: 8 typed digits make 9.
    EXPECT_EQ(normalise_phone_number("01234567"), "621234567");
}

TEST(PhoneNumber, TooFewOrTooManyDigitsAreRefused) {
    EXPECT_NE(refusal("1234567").find("8 to 15 digits"), std::string::npos);
    EXPECT_NE(refusal("1234567890123456").find("8 to 15 digits"), std::string::npos);
    // 15 digits after the 0 are 16 once it becomes 62.
    EXPECT_NE(refusal("0123456789012345").find("8 to 15 digits"), std::string::npos);
}

TEST(PhoneNumber, EmptyAndBlankAreRefused) {
    EXPECT_NE(refusal("").find("8 to 15 digits"), std::string::npos);
    EXPECT_NE(refusal("  - ").find("8 to 15 digits"), std::string::npos);
}

TEST(PhoneNumber, LettersAndOtherSignsAreRefused) {
    EXPECT_NE(refusal("0812 3456 789O").find("only digits"), std::string::npos);
    EXPECT_NE(refusal("0812/3456/7890").find("only digits"), std::string::npos);
    EXPECT_NE(refusal("0812345678#1").find("only digits"), std::string::npos);
}

TEST(PhoneNumber, APlusAfterTheFirstDigitIsRefused) {
    EXPECT_NE(refusal("62+81234567890").find("only digits"), std::string::npos);
}

}  // namespace
}  // namespace billing::host
