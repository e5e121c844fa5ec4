#include "plugins/plugin_strand.hpp"

namespace billing::host {

PluginStrand::PluginStrand(Poster strand) : mutex_(std::make_shared<std::mutex>()) {
    poster_ = [mutex = mutex_, strand = std::move(strand)](std::function<void()> job) {
        strand([mutex, job = std::move(job)] {
            std::lock_guard lock(*mutex);
            job();
        });
    };
}

}  // namespace billing::host
