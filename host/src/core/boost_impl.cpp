// Separate compilation: Asio, Asio SSL and Beast are compiled here once,
// instead of in every file that uses them (BOOST_*_SEPARATE_COMPILATION).
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
