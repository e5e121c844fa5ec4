#pragma once
#include <map>
#include <string>
#include <vector>

namespace billing::host {

struct DependencyOrder {
    std::vector<std::string> order;              // startable plugins, each after what it requires
    std::map<std::string, std::string> refused;  // plugin id -> why it can never start
};

// Orders plugins so that each comes after the plugins it requires (ties in
// id order, so the order is stable). `requires_by_plugin` holds every plugin
// that can be loaded; `already_refused` those refused earlier (bad ABI...),
// with their reasons. A plugin is refused when it requires one that is not
// installed ("requires does-not-exist, which is not installed"), one that is
// refused, or when it is part of a cycle ("cycle: a -> b -> a").
DependencyOrder order_by_dependencies(const std::map<std::string, std::vector<std::string>>& requires_by_plugin,
                                      const std::map<std::string, std::string>& already_refused = {});

}  // namespace billing::host
