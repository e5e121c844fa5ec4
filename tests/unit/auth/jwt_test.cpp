#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "auth/base64url.hpp"
#include "auth/jwt.hpp"

namespace billing::host {
namespace {

constexpr std::int64_t now = 1'800'000'000;

JwtSecret secret_of(unsigned char fill) {
    JwtSecret secret;
    secret.fill(fill);
    return secret;
}

TokenClaims claims() {
    return {.user_id = 7,
            .username = "budi",
            .role = "operator",
            .token_version = 3,
            .issued_at = now - 10,
            .expires_at = now + 3600};
}

std::string hmac(const JwtSecret& secret, const std::string& input) {
    std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                           reinterpret_cast<const unsigned char*>(input.data()), input.size(), secret.data());
    return mac;
}

// Signs two segments taken as they are, encoded or not.
std::string sign_segments(const std::string& header_segment, const std::string& payload_segment,
                          const JwtSecret& secret) {
    const auto input = header_segment + "." + payload_segment;
    return input + "." + base64url::encode(hmac(secret, input));
}

// A token built by hand, as a forger would, signed with `secret`.
std::string forge(const std::string& header, const std::string& payload, const JwtSecret& secret) {
    return sign_segments(base64url::encode(header), base64url::encode(payload), secret);
}

std::string payload_json() {
    return nlohmann::json{{"sub", "7"}, {"name", "budi"}, {"role", "operator"},
                          {"ver", 3},   {"iat", now - 10}, {"exp", now + 3600}}
        .dump();
}

class JwtTest : public testing::Test {
protected:
    const JwtSecret secret = secret_of(0x42);
    const JwtCodec codec{secret};
};

TEST_F(JwtTest, AcceptsItsOwnToken) {
    const auto token = codec.sign(claims());
    auto verified = codec.verify(token, now);
    ASSERT_TRUE(verified);
    EXPECT_EQ(verified->user_id, 7);
    EXPECT_EQ(verified->username, "budi");
    EXPECT_EQ(verified->role, "operator");
    EXPECT_EQ(verified->token_version, 3);
    EXPECT_EQ(verified->issued_at, now - 10);
    EXPECT_EQ(verified->expires_at, now + 3600);
}

TEST_F(JwtTest, WritesAStandardHs256Header) {
    const auto token = codec.sign(claims());
    auto header = nlohmann::json::parse(*base64url::decode(token.substr(0, token.find('.'))));
    EXPECT_EQ(header, (nlohmann::json{{"alg", "HS256"}, {"typ", "JWT"}}));
}

TEST_F(JwtTest, AcceptsAHandBuiltHs256Token) {
    // Guards the forgery tests below: they differ from this one in one detail.
    EXPECT_TRUE(codec.verify(forge(R"({"alg":"HS256","typ":"JWT"})", payload_json(), secret), now));
}

TEST_F(JwtTest, RejectsAlgNone) {
    const auto unsigned_token =
        base64url::encode(R"({"alg":"none","typ":"JWT"})") + "." + base64url::encode(payload_json()) + ".";
    EXPECT_FALSE(codec.verify(unsigned_token, now));
    // Even with a correct signature the header's "none" is refused.
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"none","typ":"JWT"})", payload_json(), secret), now));
}

TEST_F(JwtTest, RejectsOtherAlgorithms) {
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS512","typ":"JWT"})", payload_json(), secret), now));
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"RS256","typ":"JWT"})", payload_json(), secret), now));
    EXPECT_FALSE(codec.verify(forge(R"({"alg":256,"typ":"JWT"})", payload_json(), secret), now));
    EXPECT_FALSE(codec.verify(forge(R"({"typ":"JWT"})", payload_json(), secret), now));
}

TEST_F(JwtTest, RejectsCriticalHeaderExtensions) {
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256","crit":["b64"],"b64":false})", payload_json(), secret), now));
}

TEST_F(JwtTest, RejectsATamperedPayload) {
    const auto token = codec.sign(claims());
    const auto first = token.find('.');
    const auto last = token.rfind('.');
    auto promoted = nlohmann::json::parse(payload_json());
    promoted["role"] = "admin";
    const auto tampered =
        token.substr(0, first + 1) + base64url::encode(promoted.dump()) + token.substr(last);
    EXPECT_FALSE(codec.verify(tampered, now));
}

TEST_F(JwtTest, RejectsATamperedSignature) {
    auto token = codec.sign(claims());
    const auto last = token.rfind('.');
    auto mac = *base64url::decode(token.substr(last + 1));
    mac[0] = static_cast<char>(mac[0] ^ 0x01);
    EXPECT_FALSE(codec.verify(token.substr(0, last + 1) + base64url::encode(mac), now));
    // A truncated signature is no better.
    EXPECT_FALSE(codec.verify(token.substr(0, token.size() - 4), now));
}

TEST_F(JwtTest, RejectsATokenSignedWithAnotherSecret) {
    const JwtCodec other(secret_of(0x43));
    EXPECT_FALSE(codec.verify(other.sign(claims()), now));
}

TEST_F(JwtTest, RejectsAnExpiredToken) {
    const auto token = codec.sign(claims());
    EXPECT_TRUE(codec.verify(token, now + 3599));
    EXPECT_FALSE(codec.verify(token, now + 3600));
    EXPECT_FALSE(codec.verify(token, now + 100000));
}

TEST_F(JwtTest, RejectsATokenIssuedInTheFuture) {
    auto future = claims();
    future.issued_at = now + JwtCodec::clock_skew_seconds + 1;
    EXPECT_FALSE(codec.verify(codec.sign(future), now));
    future.issued_at = now + JwtCodec::clock_skew_seconds;  // within the skew
    EXPECT_TRUE(codec.verify(codec.sign(future), now));
}

TEST_F(JwtTest, RejectsMalformedSegments) {
    const auto token = codec.sign(claims());
    const auto first = token.find('.');
    EXPECT_FALSE(codec.verify("", now));
    EXPECT_FALSE(codec.verify(".", now));
    EXPECT_FALSE(codec.verify("..", now));
    EXPECT_FALSE(codec.verify(token.substr(0, first), now));  // one segment
    EXPECT_FALSE(codec.verify(token.substr(0, token.rfind('.')), now));  // two segments
    EXPECT_FALSE(codec.verify(token + ".", now));  // four segments
    EXPECT_FALSE(codec.verify(token + ".abc", now));
    EXPECT_FALSE(codec.verify("." + token, now));
    EXPECT_FALSE(codec.verify(std::string(10000, 'a'), now));
}

TEST_F(JwtTest, RejectsBadBase64url) {
    // Correctly signed, so only the encoding is wrong: standard base64's
    // characters and padding, and characters of no base64 at all.
    const auto header = base64url::encode(R"({"alg":"HS256","typ":"JWT"})");
    const auto payload = base64url::encode(payload_json());
    EXPECT_FALSE(codec.verify(sign_segments(header, payload + "=", secret), now));
    EXPECT_FALSE(codec.verify(sign_segments(header + "==", payload, secret), now));
    auto with_plus = payload;
    with_plus[5] = '+';
    EXPECT_FALSE(codec.verify(sign_segments(header, with_plus, secret), now));
    EXPECT_FALSE(codec.verify(sign_segments(header, payload + "!", secret), now));
    EXPECT_FALSE(codec.verify(sign_segments(header, "", secret), now));
    // The signature segment with padding.
    EXPECT_FALSE(codec.verify(codec.sign(claims()) + "=", now));
}

TEST_F(JwtTest, RejectsBadJsonEvenWhenSigned) {
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256")", payload_json(), secret), now));
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256"})", "{not json", secret), now));
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256"})", "[1,2,3]", secret), now));
    EXPECT_FALSE(codec.verify(forge(R"(["HS256"])", payload_json(), secret), now));
}

TEST_F(JwtTest, RejectsMissingOrMistypedClaims) {
    for (const char* name : {"sub", "name", "role", "ver", "iat", "exp"}) {
        auto payload = nlohmann::json::parse(payload_json());
        payload.erase(name);
        EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256"})", payload.dump(), secret), now)) << name;
    }
    auto numeric_subject = nlohmann::json::parse(payload_json());
    numeric_subject["sub"] = 7;
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256"})", numeric_subject.dump(), secret), now));
    auto text_expiry = nlohmann::json::parse(payload_json());
    text_expiry["exp"] = "tomorrow";
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256"})", text_expiry.dump(), secret), now));
    auto huge_version = nlohmann::json::parse(payload_json());
    huge_version["ver"] = 18446744073709551615ULL;
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256"})", huge_version.dump(), secret), now));
    auto negative_subject = nlohmann::json::parse(payload_json());
    negative_subject["sub"] = "-7";
    EXPECT_FALSE(codec.verify(forge(R"({"alg":"HS256"})", negative_subject.dump(), secret), now));
}

}  // namespace
}  // namespace billing::host
