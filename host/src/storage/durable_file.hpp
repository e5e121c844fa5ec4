#pragma once
#include <filesystem>
#include <string_view>

namespace billing::host {

// Files that must survive a power cut once the call returns: the data is
// flushed to the disk, and so is the directory entry naming it. Failures
// throw DatabaseError naming the file.
void write_file_durably(const std::filesystem::path& file, std::string_view bytes);
// Flushes a file's data, or a directory's entries, to the disk.
void sync_to_disk(const std::filesystem::path& path);
// Flushes a file's data and what it takes to read it back (its size), not
// its other metadata: fdatasync, as SQLite flushes its log.
void sync_data_to_disk(const std::filesystem::path& path);
// Renames `from` to `to` (same file system) and flushes both directories.
void rename_durably(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace billing::host
