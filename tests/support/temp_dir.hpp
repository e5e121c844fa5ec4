#pragma once
#include <filesystem>

namespace billing::test {

// A fresh directory <system temp>/billing-test-XXXXXX, removed with
// everything in it on destruction. Unique, so parallel tests never share one.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace billing::test
