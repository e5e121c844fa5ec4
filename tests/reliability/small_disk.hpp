#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace billing::reliability {

// A tmpfs of a few megabytes mounted on a fresh directory, for a database
// whose disk the test fills up. Mounting needs root (CAP_SYS_ADMIN); when
// it is refused, mounted() is false and refusal() says why, so the test
// can skip. Unmounted (lazily) on destruction.
class SmallDisk {
public:
    explicit SmallDisk(std::size_t megabytes);
    ~SmallDisk();
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return mounted_; }
    const std::string& refusal() const { return refusal_; }
    const std::filesystem::path& path() const { return root_.path(); }

    // Takes every free byte with a filler file, as a disk filling up would.
    void fill();
    // Deletes the filler: the space is back.
    void free_space();

private:
    test::TempDir root_;
    bool mounted_ = false;
    std::string refusal_;
};

}  // namespace billing::reliability
