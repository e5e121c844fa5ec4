#include "api/json_input.hpp"

#include <gtest/gtest.h>

#include <billing/sdk/http.hpp>

namespace billing::host {
namespace {

using nlohmann::json;

template <typename Call>
sdk::ApiError refusal(Call call) {
    try {
        call();
    } catch (const sdk::ApiError& error) {
        return error;
    }
    ADD_FAILURE() << "no ApiError";
    return sdk::ApiError(0, "", "");
}

TEST(JsonInput, UnknownFieldsAreRefusedWithAShortMessage) {
    EXPECT_NO_THROW(json_input::reject_unknown_fields(json{{"a", 1}}, {"a", "b"}));
    auto typo = refusal([] { json_input::reject_unknown_fields(json{{"usrname", "x"}}, {"username"}); });
    EXPECT_EQ(typo.code(), "unknown_field");
    EXPECT_STREQ(typo.what(), "unknown field \"usrname\" (expected username)");
    auto huge = refusal([] { json_input::reject_unknown_fields(json{{std::string(5000, 'k'), 1}}, {"username"}); });
    EXPECT_LT(std::string(huge.what()).size(), 100u);
}

TEST(JsonInput, OneLineTextIsTrimmedAndCountedInCharacters) {
    EXPECT_EQ(json_input::one_line_text(json{{"name", "  Ñoño  "}}, "name", 1, 4), "Ñoño");
    EXPECT_EQ(json_input::one_line_text(json::object(), "name", 0, 4), "");
    EXPECT_EQ(json_input::line_of_text("Rp", "currency.symbol", 1, 8), "Rp");
    auto too_long = refusal([] { json_input::one_line_text(json{{"name", "Ñoños"}}, "name", 1, 4); });
    EXPECT_EQ(too_long.code(), "invalid_field");
    EXPECT_STREQ(too_long.what(), "name must be 1 to 4 characters on one line");
    EXPECT_EQ(refusal([] { json_input::one_line_text(json{{"name", "a\nb"}}, "name", 1, 10); }).code(), "invalid_field");
    EXPECT_EQ(refusal([] { json_input::one_line_text(json{{"name", "   "}}, "name", 1, 10); }).code(), "invalid_field");
    EXPECT_EQ(refusal([] { json_input::one_line_text(json{{"name", 5}}, "name", 1, 10); }).code(), "invalid_field");
}

}  // namespace
}  // namespace billing::host
