#include <gtest/gtest.h>

#include "auth/password_hasher.hpp"

namespace billing::host {
namespace {

// The cheapest cost keeps the tests fast; the algorithm is the same.
const PasswordHasher hasher(PasswordCost::minimum());

TEST(PasswordHasher, VerifiesTheHashedPassword) {
    const auto hash = hasher.hash("rahasia-uji-123");
    EXPECT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_TRUE(hasher.verify(hash, "rahasia-uji-123"));
}

TEST(PasswordHasher, RejectsAWrongPassword) {
    const auto hash = hasher.hash("rahasia-uji-123");
    EXPECT_FALSE(hasher.verify(hash, "rahasia-uji-124"));
    EXPECT_FALSE(hasher.verify(hash, ""));
}

TEST(PasswordHasher, SaltsEveryHash) {
    EXPECT_NE(hasher.hash("same password"), hasher.hash("same password"));
}

TEST(PasswordHasher, RejectsAMalformedHash) {
    EXPECT_FALSE(hasher.verify("", "anything"));
    EXPECT_FALSE(hasher.verify("$argon2id$v=19$garbage", "anything"));
}

TEST(PasswordHasher, HandlesPasswordsWithNulBytes) {
    const std::string password("abc\0def", 7);
    const auto hash = hasher.hash(password);
    EXPECT_TRUE(hasher.verify(hash, password));
    EXPECT_FALSE(hasher.verify(hash, "abc"));
}

TEST(PasswordHasher, AsksForARehashWhenTheCostChanged) {
    const auto cheap_hash = hasher.hash("rahasia-uji-123");
    EXPECT_FALSE(hasher.needs_rehash(cheap_hash));
    // Only the parameters in the string are compared: no hashing at this cost.
    EXPECT_TRUE(PasswordHasher(PasswordCost::interactive()).needs_rehash(cheap_hash));
}

}  // namespace
}  // namespace billing::host
