#include "members/member_store.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "unit/members/members_fixture.hpp"

namespace billing::host {
namespace {

using MemberStoreTest = test::MembersFixture;

// The names of the members a search answers, in its order.
std::vector<std::string> names(const nlohmann::json& result) {
    std::vector<std::string> found;
    for (const auto& member : result["members"]) found.push_back(member["name"]);
    return found;
}

TEST_F(MemberStoreTest, CreateNormalisesThePhoneStoresAndPublishes) {
    auto created = members.create({{"name", "  Budi Santoso "}, {"phone", "0812-3456 7890"}, {"notes", "likes FIFA"}},
                                  "kasir");
    EXPECT_GT(created.id, 0);
    EXPECT_EQ(created.name, "Budi Santoso");
    EXPECT_EQ(created.phone, "6281234567890");
    EXPECT_EQ(created.notes, "likes FIFA");
    EXPECT_GT(created.created_at, 0);
    EXPECT_EQ(created.updated_at, created.created_at);

    auto stored = members.get(created.id);
    EXPECT_EQ(nlohmann::json(stored), nlohmann::json(created));

    auto events = recorded_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, "member.created");
    EXPECT_EQ(events[0].source, "host");
    EXPECT_EQ(events[0].payload, (nlohmann::json{{"member", created}, {"actor", "kasir"}}));
}

TEST_F(MemberStoreTest, MemberJsonHoldsEveryFieldWithIsoInstants) {
    auto created = member("Budi", "081234567890");
    nlohmann::json json = created;
    EXPECT_EQ(json["id"], created.id);
    EXPECT_EQ(json["phone"], "6281234567890");
    EXPECT_EQ(json["notes"], "");
    EXPECT_EQ(json["created_at"], format_iso8601_utc(created.created_at));
    EXPECT_EQ(json["updated_at"], format_iso8601_utc(created.updated_at));
    EXPECT_EQ(json.size(), 6u);
}

TEST_F(MemberStoreTest, APhoneTakenInAnyFormIsRefused) {
    member("Budi", "081234567890");
    EXPECT_EQ(refusal_changing_nothing([&] { member("Andi", "+62 812 3456 7890"); }), "phone_taken");
}

TEST_F(MemberStoreTest, TheRefusalOfATakenPhoneNamesItsOwner) {
    auto budi = member("Budi", "081234567890");
    try {
        member("Andi", "081234567890");
        FAIL() << "accepted a taken phone";
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 409);
        EXPECT_NE(std::string(error.what()).find("member " + std::to_string(budi.id) + " (Budi)"), std::string::npos);
    }
}

TEST_F(MemberStoreTest, CreateRefusesBadFieldsEachWithItsOwnCode) {
    member("Budi", "081234567890");
    auto create = [&](nlohmann::json body) { return [this, body] { members.create(body, "kasir"); }; };
    EXPECT_EQ(refusal_changing_nothing(create({{"phone", "0811111111"}})), "missing_field");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "Andi"}})), "missing_field");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "Andi"}, {"phone", "12-34"}})), "invalid_phone");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "Andi"}, {"phone", "call me"}})), "invalid_phone");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "Andi"}, {"phone", ""}})), "invalid_phone");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "   "}, {"phone", "0811111111"}})), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", std::string(81, 'a')}, {"phone", "0811111111"}})),
              "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "An\ndi"}, {"phone", "0811111111"}})), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", 7}, {"phone", "0811111111"}})), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "Andi"}, {"phone", "0811111111"}, {"notes", std::string(1001, 'x')}})),
              "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(create({{"name", "Andi"}, {"phone", "0811111111"}, {"nmae", "x"}})),
              "unknown_field");
}

TEST_F(MemberStoreTest, NamesAndNotesAreCountedInCharacters) {
    // 80 two-byte characters fit; 1000 characters of notes over several lines fit.
    std::string name;
    for (int i = 0; i < 80; ++i) name += "é";
    std::string notes;
    for (int i = 0; i < 500; ++i) notes += "é\n";
    auto created = members.create({{"name", name}, {"phone", "0811111111"}, {"notes", notes}}, "kasir");
    EXPECT_EQ(created.name, name);
    EXPECT_EQ(created.notes, notes);
}

TEST_F(MemberStoreTest, TheRefusalOfABadPhoneSaysWhatIsWrong) {
    try {
        members.create({{"name", "Andi"}, {"phone", "0812"}}, "kasir");
        FAIL() << "accepted a short phone";
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 400);
        EXPECT_NE(std::string(error.what()).find("phone"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("8 to 15 digits"), std::string::npos);
    }
}

TEST_F(MemberStoreTest, FindByPhoneAcceptsAnyCommonForm) {
    auto budi = member("Budi", "081234567890");
    for (const char* form : {"081234567890", "+62 812-3456-7890", "6281234567890", "(0812) 3456.7890"}) {
        auto found = members.find_by_phone(form);
        ASSERT_TRUE(found) << form;
        EXPECT_EQ(found->id, budi.id);
    }
    EXPECT_FALSE(members.find_by_phone("081299999999"));
    EXPECT_FALSE(members.find_by_phone("not a number"));
}

TEST_F(MemberStoreTest, UnknownMembersAreNotFound) {
    EXPECT_FALSE(members.find(42));
    EXPECT_EQ(refusal([&] { members.get(42); }), "member_not_found");
    EXPECT_EQ(refusal_changing_nothing([&] { members.update(42, {{"name", "X"}}, "kasir"); }), "member_not_found");
}

TEST_F(MemberStoreTest, UpdateChangesTheGivenFieldsAndNamesThem) {
    auto budi = member("Budi", "081234567890");
    forget_events();
    auto updated = members.update(budi.id, {{"notes", "VIP"}, {"phone", "+62 813 0000 1111"}, {"name", "Budi"}}, "admin");
    EXPECT_EQ(updated.name, "Budi");
    EXPECT_EQ(updated.phone, "6281300001111");
    EXPECT_EQ(updated.notes, "VIP");
    EXPECT_EQ(updated.created_at, budi.created_at);
    EXPECT_GE(updated.updated_at, budi.updated_at);
    EXPECT_EQ(nlohmann::json(members.get(budi.id)), nlohmann::json(updated));

    auto events = recorded_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, "member.updated");
    // The name was sent unchanged: it is not among the changes.
    EXPECT_EQ(events[0].payload,
              (nlohmann::json{{"member", updated}, {"changed", {"phone", "notes"}}, {"actor", "admin"}}));
}

TEST_F(MemberStoreTest, AnUpdateThatChangesNothingWritesAndPublishesNothing) {
    auto budi = member("Budi", "081234567890");
    forget_events();
    auto before = snapshot();
    // The same number in another form is the same number.
    auto same = members.update(budi.id, {{"phone", "+62 812 3456 7890"}, {"name", "Budi"}}, "admin");
    EXPECT_EQ(nlohmann::json(same), nlohmann::json(budi));
    EXPECT_EQ(snapshot(), before);
    EXPECT_TRUE(recorded_events().empty());
}

TEST_F(MemberStoreTest, UpdateRefusesAnotherMembersPhoneAndBadFields) {
    member("Budi", "081234567890");
    auto andi = member("Andi", "081300001111");
    EXPECT_EQ(refusal_changing_nothing([&] { members.update(andi.id, {{"phone", "6281234567890"}}, "admin"); }),
              "phone_taken");
    EXPECT_EQ(refusal_changing_nothing([&] { members.update(andi.id, {{"phone", "12"}}, "admin"); }), "invalid_phone");
    EXPECT_EQ(refusal_changing_nothing([&] { members.update(andi.id, {{"name", ""}}, "admin"); }), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing([&] { members.update(andi.id, {{"id", 3}}, "admin"); }), "unknown_field");
}

TEST_F(MemberStoreTest, SearchMatchesNamesInAnyCaseOrderedByName) {
    member("citra", "081100000003");
    member("Budi Santoso", "081100000002");
    member("Andi", "081100000001");
    member("budiman", "081100000004");
    EXPECT_EQ(names(members.search("BUDI", 50, 0)), (std::vector<std::string>{"Budi Santoso", "budiman"}));
    EXPECT_EQ(names(members.search("", 50, 0)), (std::vector<std::string>{"Andi", "Budi Santoso", "budiman", "citra"}));
}

TEST_F(MemberStoreTest, SearchMatchesPhonesInTheFormsPeopleType) {
    member("Andi", "081234567890");
    member("Budi", "085700001111");
    member("Citra", "+31 20 123 4567");
    // A local prefix, the international form with separators, and digits from the middle.
    EXPECT_EQ(names(members.search("0812", 50, 0)), (std::vector<std::string>{"Andi"}));
    EXPECT_EQ(names(members.search("+62 857-0000", 50, 0)), (std::vector<std::string>{"Budi"}));
    EXPECT_EQ(names(members.search("1111", 50, 0)), (std::vector<std::string>{"Budi"}));
    EXPECT_EQ(names(members.search("0123", 50, 0)), (std::vector<std::string>{"Citra"}));
}

TEST_F(MemberStoreTest, SearchTreatsLikeWildcardsAsText) {
    member("Andi", "081234567890");
    member("100% Budi", "081300001111");
    EXPECT_EQ(names(members.search("%", 50, 0)), (std::vector<std::string>{"100% Budi"}));
    EXPECT_TRUE(names(members.search("_", 50, 0)).empty());
}

TEST_F(MemberStoreTest, SearchPagesWithLimitAndOffsetAndCountsEveryMatch) {
    for (int i = 0; i < 5; ++i) member("Member " + std::to_string(i), "08110000000" + std::to_string(i));
    auto page = members.search("member", 2, 2);
    EXPECT_EQ(page["total"], 5);
    EXPECT_EQ(names(page), (std::vector<std::string>{"Member 2", "Member 3"}));
    EXPECT_EQ(members.search("member", 2, 10)["members"].size(), 0u);
    EXPECT_EQ(members.search("member", 2, 10)["total"], 5);
}

}  // namespace
}  // namespace billing::host
