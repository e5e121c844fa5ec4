#include "core/heap_tuning.hpp"

#include <malloc.h>

namespace billing::host {

void keep_freed_heap_memory() {
    // Up to 32 MiB free at the top of a heap stays mapped; blocks under
    // 1 MiB always come from the heap (setting the threshold also stops
    // glibc from moving it as it sees frees).
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
}

}  // namespace billing::host
