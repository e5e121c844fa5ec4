#include "plugins/dependency_order.hpp"

#include <algorithm>
#include <set>

namespace billing::host {

namespace {

// A depth-first walk; `path` is the chain of plugins being visited, so a
// plugin met again on it closes a cycle.
class Walker {
public:
    Walker(const std::map<std::string, std::vector<std::string>>& requires_by_plugin,
           const std::map<std::string, std::string>& already_refused, DependencyOrder& result)
        : requires_(requires_by_plugin), already_refused_(already_refused), result_(result) {}

    // Returns true when `id` can start.
    bool visit(const std::string& id) {
        if (done_.contains(id)) return !result_.refused.contains(id);
        auto on_path = std::find(path_.begin(), path_.end(), id);
        if (on_path != path_.end()) {
            refuse_cycle(on_path);
            return false;
        }
        path_.push_back(id);
        std::string reason;
        for (const auto& required : requires_.at(id)) {
            if (already_refused_.contains(required)) {
                reason = "requires " + required + ", which was refused: " + already_refused_.at(required);
            } else if (!requires_.contains(required)) {
                reason = "requires " + required + ", which is not installed";
            } else if (!visit(required) && !result_.refused.contains(id)) {
                reason = "requires " + required + ", which was refused: " + result_.refused.at(required);
            }
            if (!reason.empty() || result_.refused.contains(id)) break;
        }
        path_.pop_back();
        done_.insert(id);
        // A cycle found deeper down may already have refused this plugin.
        if (result_.refused.contains(id)) return false;
        if (!reason.empty()) {
            result_.refused[id] = reason;
            return false;
        }
        result_.order.push_back(id);
        return true;
    }

private:
    void refuse_cycle(std::vector<std::string>::iterator cycle_start) {
        std::string cycle = "cycle:";
        for (auto it = cycle_start; it != path_.end(); ++it) cycle += " " + *it + " ->";
        cycle += " " + *cycle_start;
        for (auto it = cycle_start; it != path_.end(); ++it) result_.refused.emplace(*it, cycle);
    }

    const std::map<std::string, std::vector<std::string>>& requires_;
    const std::map<std::string, std::string>& already_refused_;
    DependencyOrder& result_;
    std::vector<std::string> path_;
    std::set<std::string> done_;
};

}  // namespace

DependencyOrder order_by_dependencies(const std::map<std::string, std::vector<std::string>>& requires_by_plugin,
                                      const std::map<std::string, std::string>& already_refused) {
    DependencyOrder result;
    Walker walker(requires_by_plugin, already_refused, result);
    for (const auto& [id, required] : requires_by_plugin) walker.visit(id);
    return result;
}

}  // namespace billing::host
