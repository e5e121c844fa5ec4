#include "database_check.hpp"

#include <stdexcept>

namespace billing::reliability {

std::vector<nlohmann::json> all_pages(test::HttpClient& client, const std::string& target, const std::string& field) {
    std::vector<nlohmann::json> rows;
    const char separator = target.find('?') == std::string::npos ? '?' : '&';
    std::string page = target;
    for (;;) {
        auto result = client.get(page);
        if (result.status != 200)
            throw std::runtime_error("GET " + page + " answered " + std::to_string(result.status) + ": " + result.body);
        auto body = result.json();
        for (auto& row : body.at(field)) rows.push_back(std::move(row));
        if (body.value("next_before_id", nlohmann::json()).is_null()) return rows;
        page = target + separator + "before_id=" + body["next_before_id"].dump();
    }
}

}  // namespace billing::reliability
