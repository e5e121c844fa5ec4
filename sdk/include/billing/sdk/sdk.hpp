#pragma once
// Everything a plugin needs, in one include.
#include "billing/sdk/abi.hpp"
#include "billing/sdk/context.hpp"
#include "billing/sdk/export.hpp"
#include "billing/sdk/plugin.hpp"
#include "billing/sdk/topics.hpp"
