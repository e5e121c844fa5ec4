#pragma once
// Everything an integration test needs: #include "support/test_support.hpp".
#include "support/auth_helpers.hpp"
#include "support/host_process.hpp"
#include "support/rental_helpers.hpp"
#include "support/http_client.hpp"
#include "support/sse_client.hpp"
#include "support/temp_dir.hpp"
#include "support/ws_client.hpp"
