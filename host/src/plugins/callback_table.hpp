#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace billing::host {

// The callables one plugin registered (handlers, timer work, callbacks),
// kept by the host's adapter rather than inside host-wide tables: Router,
// EventBus and Asio queues only hold small host closures naming a key here.
// Clearing the table at stop destroys the plugin's callables while its
// library is surely loaded, whatever host closures are still queued.
//
// Each entry also remembers the id the host-wide table gave the registration
// (route id, subscription id, endpoint id) so it can be removed.
template <class Callable>
class CallbackTable {
public:
    using Key = std::uint64_t;

    Key add(Callable callable) {
        std::lock_guard lock(mutex_);
        auto key = next_key_++;
        entries_[key] = Entry{0, std::make_shared<const Callable>(std::move(callable))};
        return key;
    }
    void set_host_id(Key key, std::uint64_t host_id) {
        std::lock_guard lock(mutex_);
        if (auto it = entries_.find(key); it != entries_.end()) it->second.host_id = host_id;
    }
    // Null when the key was removed.
    std::shared_ptr<const Callable> find(Key key) const {
        std::lock_guard lock(mutex_);
        auto it = entries_.find(key);
        return it == entries_.end() ? nullptr : it->second.callable;
    }
    // Removes one entry; returns its host id, or nothing if it was not there.
    std::optional<std::uint64_t> take(Key key) {
        std::lock_guard lock(mutex_);
        auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        auto host_id = it->second.host_id;
        entries_.erase(it);
        return host_id;
    }
    // Removes every entry; returns their host ids.
    std::vector<std::uint64_t> take_all() {
        std::map<Key, Entry> removed;
        {
            std::lock_guard lock(mutex_);
            removed.swap(entries_);
        }
        std::vector<std::uint64_t> host_ids;
        for (const auto& [key, entry] : removed) host_ids.push_back(entry.host_id);
        return host_ids;
    }
    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return entries_.size();
    }

private:
    struct Entry {
        std::uint64_t host_id = 0;
        std::shared_ptr<const Callable> callable;
    };
    mutable std::mutex mutex_;
    Key next_key_ = 1;
    std::map<Key, Entry> entries_;
};

}  // namespace billing::host
