#pragma once
#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace billing::reliability {

// A small ext4 file system in an image file, loop-mounted with
// errors=remount-ro, whose kernel can be made to flip it read-only under
// running programs, as it does when a disk starts failing. (A tmpfs cannot
// be remounted read-only while a file on it is open for writing, and the
// database always is.) Mounting needs root; when it is refused, mounted()
// is false and refusal() says why. Unmounted on destruction.
class ReadOnlyDisk {
public:
    ReadOnlyDisk();
    ~ReadOnlyDisk();
    ReadOnlyDisk(const ReadOnlyDisk&) = delete;
    ReadOnlyDisk& operator=(const ReadOnlyDisk&) = delete;

    bool mounted() const { return mounted_; }
    const std::string& refusal() const { return refusal_; }
    const std::filesystem::path& path() const { return mount_point_; }

    // Reports a file system error to the kernel, which makes the file
    // system read-only at once for every open file.
    void break_to_read_only();
    // What an administrator does once the programs using it have stopped:
    // unmount, fsck, mount again read-write.
    void repair();

private:
    void mount();

    test::TempDir root_;
    std::filesystem::path image_;
    std::filesystem::path mount_point_;
    bool mounted_ = false;
    std::string refusal_;
};

}  // namespace billing::reliability
