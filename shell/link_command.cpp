#include "link_command.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>

#include "bundled_graph.h"
#include "link/article_text.h"
#include "link/link_entity.h"
#include "link/link_output.h"
#include "link/mention_matcher.h"
#include "link/name_dictionary.h"
#include "main/database.h"

namespace kg::shell {
namespace {

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

}  // namespace

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

int RunLinkSubcommand(const LinkArguments& args, std::ostream& out, std::ostream& err) {
  if (args.format != "table" && args.format != "json") {
    err << "kg link: unknown format '" << args.format << "'; choose table or json\n";
    return kExitUsage;
  }
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
  Result<std::vector<link::LinkEntity>> entities = link::LoadLinkEntities(**db);
  if (!entities.ok()) {
    err << "kg link: " << entities.status().ToString() << "\n";
    return kExitFailed;
  }
  const link::NameDictionary dictionary(std::move(entities).value());
  const std::vector<link::Mention> mentions = link::FindMentions(*text, dictionary);
  link::ArticleInfo article;
  article.path = args.article;
  article.key = args.key.empty() ? link::DocumentKey(args.article, *text) : args.key;
  article.text = *text;
  out << (args.format == "json" ? link::MentionJson(article, dictionary, mentions)
                                : link::MentionTable(article, dictionary, mentions));
  out.flush();
  if (args.write.empty()) return 0;
  size_t left_out = 0;
  const std::string graph = link::DocumentGraphJson(article, dictionary, mentions, &left_out);
  std::ofstream file(args.write, std::ios::binary | std::ios::trunc);
  if (!file || !(file << graph) || !file.flush()) {
    err << "kg link: cannot write " << args.write << "\n";
    return kExitFailed;
  }
  err << "wrote " << args.write << ": Document " << article.key << " and its MENTIONS";
  if (left_out > 0) err << " (" << left_out << " ambiguous mention" << (left_out == 1 ? "" : "s") << " left out)";
  err << "\n";
  return 0;
}

}  // namespace kg::shell
