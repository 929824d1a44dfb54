#include "session/session.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "cli/interrupt.h"
#include "cli/progress_line.h"
#include "commands/why_command.h"
#include "common/version.h"
#include "session/session_text.h"

namespace kg::shell {
namespace {

// The first position of a statement piece that is not blank: errors
// without a position of their own point there.
Position FirstWord(std::string_view text) {
  const size_t at = text.find_first_not_of(" \t\r\n");
  return PositionOf(text, at == std::string_view::npos ? 0 : at);
}

int TerminalWidth() {
  struct winsize size;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

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
  const Database::CatalogOutline outline = db_->Outline();
  line += " · " + Plural(outline.nodes, "node", "nodes") + ", " +
          Plural(outline.relationships, "relationship", "relationships");
  if (db_->read_only()) line += " · read-only";
  if (db_->options().as_of) line += " · as of " + db_->options().as_of->ToIsoString();
  return line + " · :help for help, :quit to leave";
}

Status Session::SetAsOf(std::string_view day) {
  const std::string_view text = Trim(day);
  if (text == "off") {
    db_->SetAsOf(std::nullopt);
    return Status::Ok();
  }
  std::optional<Date> parsed = Date::Parse(text);
  if (!parsed || text.size() != 10) {
    return Status::Usage("as-of takes a day as YYYY-MM-DD (for example 2021-05-21) or off; got '" + std::string(text) +
                         "'");
  }
  db_->SetAsOf(parsed);
  return Status::Ok();
}

std::string Session::Prompt() const {
  if (!db_->options().as_of) return "kg> ";
  return "kg@" + db_->options().as_of->ToIsoString() + "> ";
}

std::string Session::ContinuationPrompt() const { return std::string(Prompt().size() - 2, ' ') + "-> "; }

bool Session::InputIsComplete(std::string_view text) const {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty() || trimmed[0] == ':') return true;
  bool open = false;
  std::vector<StatementText> pieces = Database::SplitStatements(text, &open);
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
    std::vector<StatementText> pieces = Database::SplitStatements(pending);
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
    chunk_words = !Database::SplitStatements(text.substr(chunk, end - chunk)).empty();
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
    if (!chunk_words && !trimmed.empty()) chunk_words = !Database::SplitStatements(line).empty();
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
    db_->SetProgressListener([&progress](const std::string& text) { progress.SetText(text); });
    result = db_->Execute(text, params_);
    db_->SetProgressListener(nullptr);
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
  last_relationships_ = RelationshipsOf(result->rows);  // for :why
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

Status Session::SetParam(const std::string& name, std::string_view literal) {
  KG_ASSIGN_OR_RETURN(Value value, db_->Evaluate(literal, params_));
  params_[name] = std::move(value);
  return Status::Ok();
}

}  // namespace kg::shell
