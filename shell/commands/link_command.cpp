#include "commands/link_command.h"

#include <CLI/CLI.hpp>
#include <cctype>
#include <fstream>
#include <memory>

#include "cli/exit_codes.h"
#include "link/article_text.h"
#include "link/link_entity.h"
#include "link/link_output.h"
#include "link/mention_matcher.h"
#include "link/name_dictionary.h"
#include "main/database.h"
#include "session/bundled_graph.h"

namespace kg::shell {

CLI::App* AddLinkSubcommand(CLI::App& app, LinkArguments* args) {
  CLI::App* sub = app.add_subcommand(
      "link", "Proposes the entities of the graph that an article (a UTF-8 text file) mentions, with their places");
  sub->add_option("article", args->article, "The article's text file (UTF-8)")->required();
  sub->add_option("--db", args->db, "Database directory (default: the bundled knowledge graph); opened read-only");
  sub->add_option("--format", args->format, "Output: table (default) or json");
  sub->add_option("--write", args->write,
                  "Also writes a kg JSON graph file: a Document node for the article and its MENTIONS, to review "
                  "and import");
  sub->add_option("--key", args->key, "The Document's key in --write's file (default: doc/ and the file's name)");
  sub->footer(
      "Names, name_en and aliases match whole words, forgiving case and diacritics where the text shows a\n"
      "name (capitals or numbers where the graph has them); the longest name wins; a shorter name inside\n"
      "it counts where a linking word introduces it (tại, của, of, in ...). docs/linking.md has the rules.\n"
      "Examples:\n"
      "  kg link article.txt                          the bundled graph's entities, as a table\n"
      "  kg link --db research.kg --format json article.txt\n"
      "  kg link article.txt --write graph/005-article.json   then review it and import it with the graph");
  return sub;
}

namespace {

// Links the article of `args` against `db`, prints on `out`; --write's report
// goes to `err`. A failure is one line (kIo for the article or the file).
Status LinkArticle(Database& db, const LinkArguments& args, std::ostream& out, std::ostream& err) {
  KG_ASSIGN_OR_RETURN(std::string text, link::ReadArticle(args.article));
  KG_ASSIGN_OR_RETURN(std::vector<link::LinkEntity> entities, link::LoadLinkEntities(db));
  const link::NameDictionary dictionary(std::move(entities));
  const std::vector<link::Mention> mentions = link::FindMentions(text, dictionary);
  link::ArticleInfo article;
  article.path = args.article;
  article.key = args.key.empty() ? link::DocumentKey(args.article, text) : args.key;
  article.text = text;
  out << (args.format == "json" ? link::MentionJson(article, dictionary, mentions)
                                : link::MentionTable(article, dictionary, mentions));
  out.flush();
  if (args.write.empty()) return Status::Ok();
  size_t left_out = 0;
  const std::string graph = link::DocumentGraphJson(article, dictionary, mentions, &left_out);
  std::ofstream file(args.write, std::ios::binary | std::ios::trunc);
  if (!file || !(file << graph) || !file.flush()) return Status::Io("cannot write " + args.write);
  err << "wrote " << args.write << ": Document " << article.key << " and its MENTIONS";
  if (left_out > 0) err << " (" << left_out << " ambiguous mention" << (left_out == 1 ? "" : "s") << " left out)";
  err << "\n";
  return Status::Ok();
}

Status CheckFormat(const std::string& format) {
  if (format == "table" || format == "json") return Status::Ok();
  return Status::Usage("unknown format '" + format + "'; choose table or json");
}

// The words of the :link line: quoted ('...' or "...") or runs of non-blanks.
Result<std::vector<std::string>> Words(std::string_view text) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (true) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos >= text.size()) return words;
    const char quote = text[pos];
    if (quote == '\'' || quote == '"') {
      const size_t close = text.find(quote, pos + 1);
      if (close == std::string_view::npos) return Status::Usage("a quoted file name is not closed");
      words.emplace_back(text.substr(pos + 1, close - pos - 1));
      pos = close + 1;
      continue;
    }
    const size_t start = pos;
    while (pos < text.size() && !std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    words.emplace_back(text.substr(start, pos - start));
  }
}

}  // namespace

const char* LinkCommandUsage() { return ":link FILE [--format table|json] [--write OUT.json] [--key KEY]"; }

int RunLinkSubcommand(const LinkArguments& args, std::ostream& out, std::ostream& err) {
  const Status format = CheckFormat(args.format);
  if (!format.ok()) {
    err << "kg link: " << format.message() << "\n";
    return kExitUsage;
  }
  // The article first: its errors are the likely ones, and need no database.
  Result<std::string> text = link::ReadArticle(args.article);
  if (!text.ok()) {
    err << "kg link: " << text.status().message() << "\n";
    return kExitFailed;
  }
  DatabaseOptions db_options;
  db_options.store.read_only = true;
  db_options.store.create_if_missing = false;
  std::string path = args.db;
  if (path.empty()) {
    Result<std::string> bundled = PrepareBundledGraph(err);
    if (!bundled.ok()) {
      err << "kg link: " << bundled.status().ToString() << "\n";
      return kExitFailed;
    }
    path = *bundled;
  }
  Result<std::unique_ptr<Database>> db = Database::Open(path, db_options);
  if (!db.ok()) {
    err << "kg link: " << db.status().ToString() << "\n";
    return kExitFailed;
  }
  const Status linked = LinkArticle(**db, args, out, err);
  if (!linked.ok()) {
    err << "kg link: " << (linked.Is(ErrorKind::kIo) ? linked.message() : linked.ToString()) << "\n";
    return kExitFailed;
  }
  return kExitOk;
}

Status RunLinkCommand(std::string_view line, Database& db, std::ostream& out, std::ostream& err) {
  auto usage = [](const std::string& problem) { return Status::Usage(problem + "; usage: " + LinkCommandUsage()); };
  KG_ASSIGN_OR_RETURN(std::vector<std::string> words, Words(line));
  LinkArguments args;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "--format" || w == "--write" || w == "--key") {
      if (i + 1 >= words.size()) return usage(w + " needs a value");
      std::string& target = w == "--format" ? args.format : w == "--write" ? args.write : args.key;
      target = words[++i];
      continue;
    }
    if (w.rfind("--", 0) == 0) return usage("unknown option '" + w + "'");
    if (!args.article.empty()) return usage("one article at a time");
    args.article = w;
  }
  if (args.article.empty()) return usage("no file given");
  KG_RETURN_IF_ERROR(CheckFormat(args.format));
  return LinkArticle(db, args, out, err);
}

}  // namespace kg::shell
