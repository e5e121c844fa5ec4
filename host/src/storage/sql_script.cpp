#include "storage/sql_script.hpp"

#include <algorithm>
#include <cctype>

namespace billing::host {

namespace {

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

std::string upper(std::string_view word) {
    std::string result(word);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return result;
}

// Where a quoted token or comment that starts at `start` ends (one past it),
// or the end of the script if it is never closed.
std::size_t end_of_quoted(std::string_view script, std::size_t start) {
    char open = script[start];
    char close = open == '[' ? ']' : open;
    for (std::size_t i = start + 1; i < script.size(); ++i) {
        if (script[i] != close) continue;
        // A doubled quote ('it''s') stays inside the token.
        if (close != ']' && i + 1 < script.size() && script[i + 1] == close) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return script.size();
}

std::size_t end_of_comment(std::string_view script, std::size_t start) {
    if (script[start] == '-') {
        auto newline = script.find('\n', start);
        return newline == std::string_view::npos ? script.size() : newline + 1;
    }
    auto close = script.find("*/", start + 2);
    return close == std::string_view::npos ? script.size() : close + 2;
}

// Follows the words of one statement to know whether a ';' ends it: inside
// a trigger's BEGIN ... END body it does not. CASE ... END pairs inside the
// body are counted so their END is not taken for the body's.
class StatementState {
public:
    void word(std::string_view text) {
        auto w = upper(text);
        if (leading_words_.size() < 3) leading_words_.push_back(w);
        if (!is_trigger()) return;
        if (!in_body_) {
            in_body_ = w == "BEGIN";
        } else if (w == "CASE") {
            ++case_depth_;
        } else if (w == "END") {
            if (case_depth_ > 0) --case_depth_;
            else body_closed_ = true;
        }
    }
    bool semicolon_ends_statement() const { return !is_trigger() || body_closed_; }
    bool has_content() const { return !leading_words_.empty() || has_other_tokens_; }
    void other_token() { has_other_tokens_ = true; }

private:
    bool is_trigger() const {
        // CREATE [TEMP | TEMPORARY] TRIGGER ...
        if (leading_words_.size() < 2 || leading_words_[0] != "CREATE") return false;
        if (leading_words_[1] == "TRIGGER") return true;
        return leading_words_.size() == 3 && (leading_words_[1] == "TEMP" || leading_words_[1] == "TEMPORARY") &&
               leading_words_[2] == "TRIGGER";
    }

    std::vector<std::string> leading_words_;
    bool has_other_tokens_ = false;
    bool in_body_ = false;
    bool body_closed_ = false;
    int case_depth_ = 0;
};

std::string trimmed(std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::vector<std::string> split_sql_script(std::string_view script) {
    std::vector<std::string> statements;
    std::size_t statement_start = 0;
    StatementState state;
    auto finish_statement = [&](std::size_t end) {
        if (state.has_content()) statements.push_back(trimmed(script.substr(statement_start, end - statement_start)));
        statement_start = end + 1;
        state = StatementState{};
    };

    std::size_t i = 0;
    while (i < script.size()) {
        char c = script[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            state.other_token();
            i = end_of_quoted(script, i);
        } else if ((c == '-' && script.substr(i, 2) == "--") || (c == '/' && script.substr(i, 2) == "/*")) {
            i = end_of_comment(script, i);
        } else if (is_word_start(c)) {
            auto end = i;
            while (end < script.size() && is_word_char(script[end])) ++end;
            state.word(script.substr(i, end - i));
            i = end;
        } else if (c == ';') {
            if (state.semicolon_ends_statement()) finish_statement(i);
            ++i;
        } else {
            if (!std::isspace(static_cast<unsigned char>(c))) state.other_token();
            ++i;
        }
    }
    if (statement_start < script.size()) finish_statement(script.size());
    return statements;
}

}  // namespace billing::host
