#pragma once

namespace billing::host {

// Keeps freed heap memory for reuse instead of handing it back to the
// kernel at once. Answers of tens of KB (the station board) are allocated
// and freed thousands of times a second; with glibc's defaults each free
// trimmed the heap and the next answer faulted the pages back in, which
// cost a fifth of the CPU under the read load (docs/PERFORMANCE.md). Called
// first thing by the host and by bench/load-driver, which reads those
// answers.
void keep_freed_heap_memory();

}  // namespace billing::host
