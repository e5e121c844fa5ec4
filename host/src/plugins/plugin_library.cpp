#include "plugins/plugin_library.hpp"

#include <boost/dll/shared_library.hpp>

#include <billing/sdk/abi.hpp>
#include <billing/sdk/plugin.hpp>

namespace billing::host {

struct PluginLibrary::Impl {
    std::filesystem::path file;
    boost::dll::shared_library library;
    AbiInfo abi;
    sdk::Plugin* (*create)() = nullptr;
    void (*destroy)(sdk::Plugin*) = nullptr;

    template <class Function>
    Function* symbol(const char* name) const {
        if (!library.has(name))
            throw PluginLoadError(file.string() + " does not export " + name +
                                  " (is it built with the BILLING_PLUGIN macro?)");
        return &library.get<Function>(name);
    }
};

PluginLibrary::PluginLibrary(const std::filesystem::path& file, const AbiInfo& host) : impl_(std::make_unique<Impl>()) {
    impl_->file = file;
    try {
        impl_->library.load(file, boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now);
    } catch (const std::exception& error) {
        throw PluginLoadError("cannot load " + file.string() + ": " + error.what());
    }
    // The ABI comes first: nothing else of the library is called before it
    // is known to be compatible.
    const BillingPluginAbi* abi = impl_->symbol<const BillingPluginAbi*()>("billing_plugin_abi")();
    if (!abi || !abi->build_signature) throw PluginLoadError(file.string() + ": billing_plugin_abi() returned nothing");
    impl_->abi = {abi->major, abi->minor, abi->build_signature};
    if (auto mismatch = abi_incompatibility(impl_->abi, host))
        throw PluginLoadError(file.filename().string() + " was " + *mismatch);
    impl_->create = impl_->symbol<sdk::Plugin*()>("billing_plugin_create");
    impl_->destroy = impl_->symbol<void(sdk::Plugin*)>("billing_plugin_destroy");
}

PluginLibrary::~PluginLibrary() = default;

const AbiInfo& PluginLibrary::abi() const { return impl_->abi; }

PluginInstance PluginLibrary::create() const {
    sdk::Plugin* plugin = impl_->create();
    if (!plugin)
        throw PluginLoadError(impl_->file.filename().string() + ": billing_plugin_create() failed (the constructor threw)");
    return PluginInstance(plugin, impl_->destroy);
}

}  // namespace billing::host
