#include "session.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "command_table.h"
#include "common/version.h"
#include "help_topics.h"
#include "interrupt.h"
#include "output/display_width.h"
#include "parser/statement_splitter.h"
#include "storage/catalog.h"
#include "storage/transaction.h"

namespace kg::shell {
namespace {

constexpr int kMaxSourceDepth = 16;

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// Where `relative` (a position inside a piece of text) is in the text that
// contains the piece, when the piece starts at `base`.
Position Compose(Position base, Position relative) {
  if (!relative.valid()) return base;
  if (relative.line == 1) return Position{base.line, base.column + relative.column - 1};
  return Position{base.line + relative.line - 1, relative.column};
}

// The position of byte `offset` of `text` (lines and code-point columns from 1).
Position PositionOf(std::string_view text, size_t offset) {
  Position pos{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

// The first position of a statement piece that is not blank: errors
// without a position of their own point there.
Position FirstWord(std::string_view text) {
  const size_t at = text.find_first_not_of(" \t\r\n");
  return PositionOf(text, at == std::string_view::npos ? 0 : at);
}

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool ParseOnOff(std::string_view word, bool* value) {
  if (word == "on" || word == "true" || word == "yes") {
    *value = true;
    return true;
  }
  if (word == "off" || word == "false" || word == "no") {
    *value = false;
    return true;
  }
  return false;
}

bool IsIdentifier(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const bool ok = c == '_' || std::isalpha(c) || c >= 0x80 || (i > 0 && std::isdigit(c));
    if (!ok) return false;
  }
  return true;
}

int TerminalWidth() {
  struct winsize size;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

// Shows "running 3.2 s (Ctrl-C cancels)" on stderr while a statement takes
// longer than a moment, and wipes it when the statement ends.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {
    if (enabled_) thread_ = std::thread([this] { Loop(); });
  }
  ~ProgressLine() {
    if (!enabled_) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  void Loop() {
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mutex_);
    // Quiet for the first second: most statements are done by then.
    if (cv_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; })) return;
    static const char* const kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    for (int tick = 0; !done_; ++tick) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      char buf[96];
      std::snprintf(buf, sizeof buf, "\r%s running %.1f s (Ctrl-C cancels)\x1b[K", kSpinner[tick % 10], seconds);
      std::cerr << buf << std::flush;
      shown_ = true;
      cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return done_; });
    }
  }

  bool enabled_;
  bool done_ = false;
  bool shown_ = false;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};

}  // namespace

Session::Session(std::unique_ptr<Database> db, std::string db_label, SessionOptions options, std::ostream& out,
                 std::ostream& err)
    : db_(std::move(db)), db_label_(std::move(db_label)), options_(options), out_(out), err_(err) {}

Session::~Session() {
  if (writer_) writer_->Finish();
}

ResultWriter& Session::writer() {
  // A terminal may have been resized since the last statement.
  if (options_.writer.max_width != 0 || isatty(STDOUT_FILENO)) {
    const int width = TerminalWidth();
    if (width != options_.writer.max_width) {
      options_.writer.max_width = width;
      writer_.reset();
    }
  }
  if (!writer_) writer_ = MakeResultWriter(options_.format, out_, err_, options_.writer);
  return *writer_;
}

std::string Session::WelcomeLine() const {
  std::string line = "kg " KG_VERSION " · " + db_label_;
  auto txn = db_->store().BeginRead();
  if (txn.ok()) {
    const Catalog& catalog = (*txn)->catalog();
    line += " · " + Plural(catalog.node_count(), "node", "nodes") + ", " +
            Plural(catalog.rel_count(), "relationship", "relationships");
  }
  if (db_->store().read_only()) line += " · read-only";
  return line + " · :help for help, :quit to leave";
}

bool Session::InputIsComplete(std::string_view text) const {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty() || trimmed[0] == ':') return true;
  bool open = false;
  std::vector<StatementText> pieces = SplitStatements(text, &open);
  if (open) return false;
  if (pieces.empty()) return true;  // only comments
  const StatementText& last = pieces.back();
  if (last.terminated) return true;
  // No ';' at the end: a single line runs when it is a whole statement, or
  // when it is wrong in a way more lines cannot fix.
  if (trimmed.find('\n') != std::string_view::npos) return false;
  const Status status = db_->Check(last.text);
  if (status.ok()) return true;
  const std::string& message = status.message();
  if (status.Is(ErrorKind::kSyntax) && message.rfind("unexpected end of query", 0) == 0) return false;
  if (status.Is(ErrorKind::kSemantic) && message.rfind("a query cannot end with", 0) == 0) return false;
  return true;
}

bool Session::RunInput(std::string_view text, const Origin& origin) {
  interrupted_ = false;
  const bool ok = RunScript(text, origin);
  // Each input at the prompt is a run of its own: no blank line before the
  // next one's first result.
  if (writer_) writer_->Finish();
  return ok;
}

bool Session::RunScript(std::string_view text, const Origin& origin) {
  bool ok = true;
  // Statements run as their ';' is read; a line that starts with ':' where
  // no statement is pending is a command.
  size_t chunk = 0;          // where the pending statement text starts
  bool chunk_words = false;  // whether it holds more than blanks and comments
  size_t line_start = 0;
  auto run_pieces = [&](size_t end, bool final) -> bool {
    std::string_view pending = text.substr(chunk, end - chunk);
    const Position base = Compose(Position{origin.line, origin.column}, PositionOf(text, chunk));
    std::vector<StatementText> pieces = SplitStatements(pending);
    size_t consumed = 0;
    for (const StatementText& piece : pieces) {
      if (!piece.terminated && !final) break;
      consumed = piece.offset + piece.text.size() + (piece.terminated ? 1 : 0);
      if (piece.blank) continue;
      const Position at = Compose(base, piece.start);
      if (TakeInterrupt()) {  // Ctrl-C between two statements stops the script
        err_ << origin.name << ":" << at.line << ":" << at.column << ": interrupted before this statement\n";
        interrupted_ = true;
        return false;
      }
      if (!RunOneStatement(piece.text, Origin{origin.name, at.line, at.column})) {
        ok = false;
        if (!options_.continue_on_error || interrupted_) return false;
      }
      if (quit_requested_) return false;
    }
    chunk += final ? pending.size() : consumed;
    chunk_words = !SplitStatements(text.substr(chunk, end - chunk)).empty();
    return true;
  };
  while (line_start < text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    const std::string_view trimmed = Trim(line);
    const size_t next = std::min(text.size(), line_end + 1);
    if (!chunk_words && !trimmed.empty() && trimmed[0] == ':') {
      const Position at = Compose(Position{origin.line, origin.column}, PositionOf(text, line_start));
      if (!RunCommand(trimmed, Origin{origin.name, at.line, at.column})) {
        ok = false;
        if (!options_.continue_on_error) return false;
      }
      if (quit_requested_) return ok;
      chunk = next;
      line_start = next;
      continue;
    }
    if (!chunk_words && !trimmed.empty()) chunk_words = !SplitStatements(line).empty();
    if (line.find(';') != std::string_view::npos) {
      if (!run_pieces(next, false)) return false;
    }
    line_start = next;
  }
  if (chunk < text.size() && !run_pieces(text.size(), true)) return false;
  return ok;
}

bool Session::RunOneStatement(std::string_view text, const Origin& origin) {
  Result<QueryResult> result = Status::Runtime("not run");
  const auto start = std::chrono::steady_clock::now();
  {
    InterruptScope scope(*db_);
    ProgressLine progress(options_.progress && isatty(STDERR_FILENO));
    // The statement runs on this thread; the progress line has its own.
    result = db_->Execute(text, params_);
  }
  if (!result.ok() && result.status().Is(ErrorKind::kInterrupted)) {
    TakeInterrupt();
    interrupted_ = true;  // a script stops here, even with continue_on_error
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!result.ok()) {
    ReportError(result.status(), text, origin);
    return false;
  }
  writer().Write(*result, ms);
  out_.flush();
  return true;
}

void Session::ReportError(const Status& status, std::string_view text, const Origin& origin) {
  const Position relative = status.position().valid() ? status.position() : FirstWord(text);
  const Position at = Compose(Position{origin.line, origin.column}, relative);
  std::string kind = ErrorKindName(status.kind());
  if (origin.name == "<repl>") {
    // At the prompt the statement is right there: show where, with a caret.
    Status shown = status.position().valid() ? status : Status::Error(status.kind(), status.message());
    err_ << DescribeError(shown, text) << "\n";
    return;
  }
  err_ << origin.name << ":" << at.line << ":" << at.column << ": " << kind << ": " << status.message() << "\n";
}

bool Session::SetParamCommand(std::string_view args, const Origin& origin) {
  // :param name => value   (also "name = value" and "name value")
  const std::string_view trimmed = Trim(args);
  size_t name_end = 0;
  while (name_end < trimmed.size() && trimmed[name_end] != ' ' && trimmed[name_end] != '=' &&
         trimmed[name_end] != '\t') {
    ++name_end;
  }
  std::string name(trimmed.substr(0, name_end));
  if (!name.empty() && name[0] == '$') name.erase(0, 1);
  std::string_view rest = Trim(trimmed.substr(name_end));
  if (rest.rfind("=>", 0) == 0) {
    rest = Trim(rest.substr(2));
  } else if (rest.rfind("=", 0) == 0) {
    rest = Trim(rest.substr(1));
  }
  if (!IsIdentifier(name) || rest.empty()) {
    err_ << "usage: :param NAME => VALUE   (for example :param country => 'Việt Nam')\n";
    return false;
  }
  const Status status = SetParam(name, rest);
  if (!status.ok()) {
    ReportError(status, rest, origin);
    return false;
  }
  return true;
}

Status Session::SetParam(const std::string& name, std::string_view literal) {
  KG_ASSIGN_OR_RETURN(Value value, db_->Evaluate(literal, params_));
  params_[name] = std::move(value);
  return Status::Ok();
}

bool Session::Schema() {
  auto txn = db_->store().BeginRead();
  if (!txn.ok()) {
    err_ << "kg: " << txn.status().ToString() << "\n";
    return false;
  }
  const Catalog& catalog = (*txn)->catalog();
  out_ << db_label_ << ": " << Plural(catalog.node_count(), "node", "nodes") << ", "
       << Plural(catalog.rel_count(), "relationship", "relationships") << "\n";
  auto print_counts = [&](const char* title, std::vector<std::pair<std::string, uint64_t>> rows) {
    std::sort(rows.begin(), rows.end());
    out_ << title << (rows.empty() ? " (none)" : "") << "\n";
    int width = 0;
    for (const auto& [name, count] : rows) width = std::max(width, DisplayWidth(name));
    for (const auto& [name, count] : rows) {
      out_ << "  " << name << std::string(width - DisplayWidth(name) + 2, ' ') << count << "\n";
    }
  };
  std::vector<std::pair<std::string, uint64_t>> labels;
  for (size_t i = 0; i < catalog.num_labels(); ++i) {
    if (catalog.NodesWithLabel(i) > 0) labels.emplace_back(":" + catalog.LabelName(i), catalog.NodesWithLabel(i));
  }
  print_counts("labels (nodes)", labels);
  std::vector<std::pair<std::string, uint64_t>> types;
  for (size_t i = 0; i < catalog.num_rel_types(); ++i) {
    if (catalog.RelsOfType(i) > 0) types.emplace_back("[:" + catalog.RelTypeName(i) + "]", catalog.RelsOfType(i));
  }
  print_counts("relationship types (relationships)", types);

  // Property keys are counted by reading every node and relationship.
  std::map<std::string, std::pair<int64_t, int64_t>> keys;
  for (int pass = 0; pass < 2; ++pass) {
    const char* query = pass == 0 ? "MATCH (n) UNWIND keys(n) AS k RETURN k, count(*)"
                                  : "MATCH ()-[r]->() UNWIND keys(r) AS k RETURN k, count(*)";
    Result<QueryResult> counted = Status::Runtime("not run");
    {
      TakeInterrupt();
      InterruptScope scope(*db_);
      ProgressLine progress(options_.progress && isatty(STDERR_FILENO));
      counted = db_->Execute(query);
    }
    if (!counted.ok()) {
      err_ << "kg: " << counted.status().ToString() << "\n";
      return false;
    }
    for (const auto& row : counted->rows) {
      auto& slot = keys[row[0].as_string()];
      (pass == 0 ? slot.first : slot.second) = row[1].as_int();
    }
  }
  out_ << "property keys (nodes, relationships)" << (keys.empty() ? " (none)" : "") << "\n";
  int width = 0;
  for (const auto& entry : keys) width = std::max(width, DisplayWidth(entry.first));
  for (const auto& [key, counts] : keys) {
    out_ << "  " << key << std::string(width - DisplayWidth(key) + 2, ' ') << counts.first << ", " << counts.second
         << "\n";
  }
  out_ << "indexes" << (catalog.indexes().empty() ? " (none)" : "") << "\n";
  for (const IndexDef& index : catalog.indexes()) {
    out_ << "  :" << catalog.LabelName(index.label) << "(" << catalog.PropertyKeyName(index.key) << ")\n";
  }
  return true;
}

bool Session::RunCommand(std::string_view line, const Origin& origin) {
  line = Trim(line);
  if (!line.empty() && line.back() == ';') line = Trim(line.substr(0, line.size() - 1));
  const size_t space = line.find_first_of(" \t");
  const std::string name(line.substr(0, space));
  const std::string_view args = space == std::string_view::npos ? std::string_view() : Trim(line.substr(space));
  const CommandInfo* command = FindCommand(name);
  auto fail = [&](const std::string& message) {
    if (origin.name == "<repl>") {
      err_ << message << "\n";
    } else {
      err_ << origin.name << ":" << origin.line << ":" << origin.column << ": " << message << "\n";
    }
    return false;
  };
  if (command == nullptr) {
    std::string message = "unknown command '" + name + "'";
    const std::string nearest = NearestCommand(name);
    if (!nearest.empty()) message += " (did you mean " + nearest + "?)";
    return fail(message + "; :help lists the commands");
  }
  const std::string& which = command->name;
  if (which == ":quit") {
    quit_requested_ = true;
    return true;
  }
  if (which == ":help") {
    if (args.empty()) {
      out_ << HelpOverview();
      return true;
    }
    const HelpTopic* topic = FindHelpTopic(args);
    if (topic == nullptr) return fail("no help topic '" + std::string(args) + "'; :help lists the topics");
    out_ << topic->text;
    if (!topic->text.empty() && topic->text.back() != '\n') out_ << "\n";
    return true;
  }
  if (which == ":schema") return Schema();
  if (which == ":format") {
    if (args.empty()) {
      out_ << "format: " << OutputFormatName(options_.format) << "   (choices: " << OutputFormatChoices() << ")\n";
      return true;
    }
    std::optional<OutputFormat> format = ParseOutputFormat(args);
    if (!format) return fail("unknown format '" + std::string(args) + "'; choose one of " + OutputFormatChoices());
    if (writer_) writer_->Finish();
    writer_.reset();
    options_.format = *format;
    return true;
  }
  if (which == ":timing" || which == ":wrap") {
    bool& flag = which == ":timing" ? options_.writer.timing : options_.writer.wrap;
    if (args.empty()) {
      out_ << which.substr(1) << ": " << (flag ? "on" : "off") << "\n";
      return true;
    }
    if (!ParseOnOff(args, &flag)) return fail("usage: " + which + " on|off");
    writer_.reset();
    return true;
  }
  if (which == ":param") return SetParamCommand(args, origin);
  if (which == ":params") {
    if (args == "clear") {
      params_.clear();
      return true;
    }
    if (!args.empty()) return fail("usage: :params [clear]");
    if (params_.empty()) out_ << "no parameters; set one with :param name => value\n";
    for (const auto& [key, value] : params_) out_ << "$" << key << " => " << value.ToString() << "\n";
    return true;
  }
  if (which == ":source") {
    if (args.empty()) return fail("usage: :source FILE");
    if (source_depth_ >= kMaxSourceDepth) {
      return fail(":source nests more than " + std::to_string(kMaxSourceDepth) + " files deep");
    }
    const std::string path(args);
    std::ifstream file(path, std::ios::binary);
    if (!file) return fail("cannot read " + path);
    std::stringstream contents;
    contents << file.rdbuf();
    ++source_depth_;
    const bool ok = RunScript(contents.str(), Origin{path, 1, 1});
    --source_depth_;
    return ok;
  }
  if (which == ":read-only") {
    out_ << (db_->store().read_only() ? "read-only: write statements are refused"
                                      : "read-write: statements may change the database")
         << "\n";
    return true;
  }
  return fail("command " + which + " is not available here");
}

}  // namespace kg::shell
