#include "read_only_disk.hpp"

#include <sys/mount.h>

#include <fstream>
#include <stdexcept>

#include "support/command_run.hpp"

namespace billing::reliability {

namespace {

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

}  // namespace

ReadOnlyDisk::ReadOnlyDisk() : image_(root_.path() / "disk.img"), mount_point_(root_.path() / "mnt") {
    std::filesystem::create_directories(mount_point_);
    auto made = test::run_command("truncate -s 32M " + quoted(image_) + " && mkfs.ext4 -q -F " + quoted(image_));
    if (made.exit_code != 0) {
        refusal_ = "making an ext4 image failed: " + made.output;
        return;
    }
    mount();
}

ReadOnlyDisk::~ReadOnlyDisk() {
    if (mounted_) ::umount2(mount_point_.c_str(), MNT_DETACH);
}

void ReadOnlyDisk::mount() {
    auto mounted = test::run_command("mount -o loop,errors=remount-ro " + quoted(image_) + " " + quoted(mount_point_));
    mounted_ = mounted.exit_code == 0;
    if (!mounted_) refusal_ = "loop-mounting an ext4 image failed: " + mounted.output;
}

void ReadOnlyDisk::break_to_read_only() {
    auto device = test::run_command("findmnt -n -o SOURCE " + quoted(mount_point_));
    const auto name = std::filesystem::path(device.output.substr(0, device.output.find('\n'))).filename().string();
    std::ofstream trigger("/sys/fs/ext4/" + name + "/trigger_fs_error");
    trigger << "reliability test: the disk fails\n";
    if (!trigger.flush()) throw std::runtime_error("cannot trigger a file system error on " + name);
}

void ReadOnlyDisk::repair() {
    if (::umount2(mount_point_.c_str(), 0) != 0) throw std::runtime_error("cannot unmount " + mount_point_.string());
    mounted_ = false;
    // 0: clean, 1: errors corrected; anything else is a broken image.
    auto checked = test::run_command("e2fsck -fy " + quoted(image_));
    if (checked.exit_code != 0 && checked.exit_code != 1)
        throw std::runtime_error("e2fsck failed: " + checked.output);
    mount();
    if (!mounted_) throw std::runtime_error(refusal_);
}

}  // namespace billing::reliability
