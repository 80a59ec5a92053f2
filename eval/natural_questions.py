#!/usr/bin/env python3
"""Writes eval/dev/natural-questions.json from the hand-written questions below.

Each question names a fact: a verbatim piece of its snippet (or seed article). Its evidence is every snippet in
mhr-snippets.jsonl / europarl-snippets.jsonl whose body contains that fact (snippets of one article overlap, so
several can answer), each with the snippet's exact title, url, source and published_at, so `tradetalk eval`
matches by URL. Seed articles have no URL: their evidence carries the title ingest derives from the text (its
first sentence) and the file is also listed in `sources`, which eval matches by file name.
Run from the repository root: python3 eval/natural_questions.py
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SNIPPETS = [json.loads(l) for f in ("mhr-snippets.jsonl", "europarl-snippets.jsonl")
            for l in open(ROOT / "eval/dev" / f, encoding="utf-8")]

# (question, short answer, verbatim fact from the snippet)
SNIPPET_QUESTIONS = [
    ("Which sportsbook lets Kentucky bettors turn loyalty points into credit at MGM resorts, according to CBS Sports?", "BetMGM", "rewards program that can be redeemed for bonus bets or MGM Resort credit"),
    ("When did Kentucky make sports wagering legal, and how many states had done so by then?", "March 31, 2023; the 34th state", "On March 31, 2023, Kentucky became the 34th state to legalize sports betting"),
    ("What welcome deal does Bet365 give people signing up in Kentucky?", "Bet $1, get $365", "Their signup offer of bet $1, get $365"),
    ("Which big betting app in Kentucky has no loyalty scheme for its users?", "FanDuel", "FanDuel does not offer a rewards program for its customers at this time"),
    ("How many sacks have the Giants given up this season ahead of their Christmas game in Philadelphia?", "76, the third-most in NFL history", "has surrendered a staggering 76 sacks"),
    ("When did New York last beat the Eagles on the road?", "2013", "their last win at Lincoln Financial Field coming in 2013"),
    ("How have the Eagles been getting into the end zone during their recent slump?", "Three of their four offensive touchdowns came from the tush push", "three of which came via the \"tush push.\""),
    ("Why might jurors doubt Caroline Ellison's account of her talks with Bankman-Fried?", "Much of it relied on in-person conversations and auto-deleting messages, and she hoped for leniency", "This gave the defense an opportunity to try to make her sound unreliable."),
    ("What did a Genesis employee's text to Ellison reveal about what Bankman-Fried knew of the doctored balance sheet?", "That he was aware of its contents", "strongly suggesting that Bankman-Fried was aware of the contents of the fake balance sheet"),
    ("How fast did The Epoch Times grow its income over two years?", "685%, to $122 million in 2021", "growing its revenue by a staggering 685% in two years"),
    ("How many free copies of its paper did the Epoch Times send to homes in Philadelphia in 2020?", "280,000", "the company mailed 280,000 free copies"),
    ("How much did The Epoch Times make from subscribers in 2021 compared with two years earlier?", "$76 million, up from nearly $7 million in 2019", "The group reported $76 million in subscription revenue in 2021"),
    ("Which readers did the Epoch Times go after when it bought mailing lists from data brokers?", "Conservatives aged 60 and over", "specifically for conservatives aged 60 and over"),
    ("Which social network got about half of the Epoch Times' ad spending in the first half of 2023?", "X, formerly Twitter", "with about half of its budget going to the X platform"),
    ("How much did the Epoch Times give to Shen Yun?", "$10.4 million in 2021", "$10.4 million to the dance troupe Shen Yun"),
    ("Who owns the home listed as the address of the firm that sold the Epoch Times advertising services?", "A reporter for The Epoch Times", "owned by a reporter for The Epoch Times"),
    ("Which Texas political operative did the Epoch Times hire to court conservative politicians?", "Brendan Steinhauser", "Brendan Steinhauser, a Texas-based Republican strategist"),
    ("Which religious group is tied to the organizations the Epoch Times puts its money back into?", "Falun Gong", "others connected to the Falun Gong religious movement"),
    ("What sort of individual donors gave smaller sums to the Epoch Times?", "Real estate agents, investors and surgeons", "real estate agents, investors and surgeons among them"),
    ("According to Gary Wang, when did Alameda's account on FTX first dip below zero?", "Late 2019", "Alameda Research first had a negative balance in late 2019"),
    ("What did Bankman-Fried say publicly about Alameda's account on the same day its negative-balance setting was switched on?", "That it was like everyone else's", "Bankman-Fried tweeted that Alameda"),
    ("Who was the first witness the government put on the stand in the FTX trial?", "Marc-Antoine Julliard, a cocoa trader", "The first was a victim: Marc-Antoine Julliard"),
    ("How much did the London-based French trader try to get out of FTX in its last days?", "Almost $100,000", "Almost $100,000, he said."),
    ("Which trading firm did Bankman-Fried leave before he recruited his MIT friend Adam Yedidia?", "Jane Street", "after Bankman-Fried left Jane Street"),
    ("What did the defense lawyer tell the jury in his opening about what Bankman-Fried built?", "Two billion-dollar businesses, and he didn't steal any money", "Sam started and built two billion-dollar businesses"),
    ("Which Vikings defender is a long shot for NFL Defensive Player of the Year?", "Danielle Hunter", "Longshot: Danielle Hunter"),
    ("What milestone is the Dolphins' Tyreek Hill on pace to reach?", "First player with 2,000-plus receiving yards in a season", "first player with 2,000-plus receiving yards in a single season"),
    ("If CeeDee Lamb keeps up his recent form, how many receiving yards might he finish with?", "Close to 1,800", "he could finish with closer to 1,800 yards"),
    ("Who were the front-runners for Defensive Player of the Year in early December 2023?", "Micah Parsons, Myles Garrett and T.J. Watt", "Current favorite(s): Micah Parsons"),
    ("What went wrong for Lamar Jackson against Cleveland, per Sporting News' Week 11 power rankings?", "He made big mistakes", "but he still can't afford to make big mistakes, which he did vs. the Browns"),
    ("Which two running backs are carrying the Steelers' ground attack?", "Jaylen Warren and Najee Harris", "with Jaylen Warren and Najee Harris"),
    ("Which coach does Sporting News say deserves coach of the year in mid-November 2023?", "Dan Campbell of the Lions", "Dan Campbell is coach of the year."),
    ("How did San Francisco look in its win at Jacksonville?", "Brock Purdy led a get-well offensive game and the defense dominated again", "The 49ers had a surprise offensive get-well game in Jacksonville"),
    ("Who do the Dolphins play when they come back from their bye?", "The Raiders", "They should feel good about a Week 11 rebound vs. the Raiders."),
    ("What counts as a catastrophic risk in OpenAI's updated safety framework?", "Risk that could cause hundreds of billions of dollars in damage or the death or severe harm of many people", "By catastrophic risk, we mean any risk which could result in hundreds of billions of dollars"),
    ("Which OpenAI group assesses the dangers of frontier models before they are released?", "The preparedness team", "Frontier models in development get the"),
    ("Which two board members were pushed out of OpenAI's board in the November shake-up, according to TechCrunch?", "Ilya Sutskever and Helen Toner", "Ilya Sutskever (still at the company in a somewhat changed role)"),
    ("Can OpenAI's board overrule management's decision to ship a risky model?", "Yes, the board can reverse leadership's decisions", "but the board will be able to reverse those decisions"),
    ("What special treatment did Wang testify Alameda got from FTX?", "A special credit line and the ability to go negative without being liquidated", "Alameda got access to a special credit line"),
    ("How did defense lawyer Everdell try to undercut Wang's claims about Alameda?", "By pointing to the spot margin program, where users could have a negative balance in a coin", "Everdell tried to undermine this claim by talking about the spot margin program"),
    ("How much did Trump raise the value of his own apartment between 2014 and 2015?", "From $200 million to $327 million", "Trump increased the value of the apartment to $US327 million from $US200 million"),
    ("Which judge called Trump's valuation of his penthouse fraud?", "Arthur Engoron", "Judge Arthur Engoron wrote in a September ruling"),
    ("What is 40 Wall Street worth according to Bloomberg, against Trump's own figure?", "$270 million (2023) versus Trump's $664 million (2021)", "Bloomberg valuation (2023): $US270 million"),
    ("How many of the building's dozen rent-regulated flats were still regulated by 2021?", "Five", "By 2021, only five of the 12 apartments remained rent stabilised."),
    ("What did Trump ignore about his daughter's rights when he valued two apartments?", "Ivanka Trump's option to buy them below market value", "Ivanka Trump, had to buy them at a price lower than the market value he used"),
    ("How occupied was Trump's Lower Manhattan office tower in June compared with 2015?", "77%, down from 98%", "occupancy slid to 77 per cent in June, down from 98 per cent in 2015"),
    ("How are profitable rent-stabilized apartments usually valued, according to the appraiser Jonathan Miller?", "15 to 25 cents per dollar of open market value", "are often valued at 15-25 cents a dollar of the open market value"),
    ("What second-chance bet can a new account on NBA betting sites usually claim?", "Up to $500, depending on the state", "a second-chance bet that could reach up to $500"),
    ("What is the hardest thing prosecutors have to prove against Bankman-Fried, according to The Verge?", "Intent: that he knew it was wrong and lied about it", "the part where the government must prove intent"),
    ("Which crypto lawyer at Withers explained what the government must show in the FTX case?", "Christopher LaVigne", "says Christopher LaVigne, a litigation partner"),
    ("How much property is Bankman-Fried accused of buying with client money?", "More than $200 million of real estate", "to help buy more than $200 million of real estate"),
    ("What did hidden features in FTX's software allow Alameda to do, according to the indictment?", "Spend and withdraw unlimited amounts of money from FTX", "permitted Alameda to spend and withdraw unlimited amounts of money from FTX"),
    ("How often had the judge upheld 'Objection, narrative!' while Bankman-Fried testified?", "Three times", "followed by “Sustained” is at three"),
    ("What was the outcome of Sam Bankman-Fried's trial?", "Guilty on seven counts, including wire fraud", "has been found guilty on seven counts"),
    ("Who is the Twitch executive in charge of monetization that TechCrunch interviewed?", "Mike Minton", "Twitch’s Chief Monetization Officer Mike Minton"),
    ("What cut do streamers in Twitch's Partner Plus program get, and up to what amount?", "70/30 on the first $100,000 a year", "a 70/30 subscription revenue split on the first $100,000"),
    ("How many paying subscribers does a streamer need to qualify for Partner Plus?", "At least 350 monthly paid subscriptions", "Streamers need at least 350 monthly paid subscriptions"),
    ("How did the mood of streamers at TwitchCon in Las Vegas compare with the previous year?", "Significantly more positive", "TwitchCon in Las Vegas was significantly more positive"),
    ("What tools did Twitch announce to help moderators handle ad breaks?", "Features to know when an ad break is coming and adjust it around the content", "two new features to allow moderators to know when an ad break is coming"),
    ("Who took over as Twitch's chief executive in 2023?", "Dan Clancy", "The company’s CEO Dan Clancy"),
    ("Which promo code gets Vermont bettors Caesars' welcome bonus?", "NEWS1000", "enter the bonus code NEWS1000"),
    ("What did Sporting News expect Caesars to offer when Vermont launched sports betting?", "Up to a $1,000 bonus bet if the first bet loses", "We expect Caesars to offer the same offer in VT"),
    ("What reason did OpenAI's board give for firing Sam Altman?", "He was not consistently candid with the board", "he was not consistently candid in his communications with the board"),
    ("Who stepped in as OpenAI's temporary chief executive after Altman was ousted?", "Mira Murati", "Mira Murati was just elevated to interim CEO"),
    ("What does OpenAI say its company structure is meant to achieve, as quoted in the board's statement?", "To ensure that artificial general intelligence benefits all humanity", "to ensure that artificial general intelligence benefits all humanity"),
    ("What did OpenAI do about new sign-ups after its security trouble?", "It stopped allowing them", "OpenAI subsequently stopped allowing new signups."),
    ("Which anniversary of a Polish workers' revolt did an MEP want the President to mention in July 2006?", "The Poznań uprising", "I expected you to mention the Poznań uprising"),
    ("Which Kosovar leader did MEPs push the EU to support before the KLA existed?", "Rugova", "we were calling for more support to be given to Rugova"),
    ("Who is put at risk when diesel leaks from vehicle fuel tanks onto the road?", "Cyclists and motorcyclists", "to pedal cyclists and to the riders of motorcycles"),
    ("What temporary anti-dumping duty did the Commission put on persulphates?", "83.3%", "a provisional anti-dumping levy of 83.3 %"),
    ("Which 2011 agreement on economic governance did some MEPs describe as a war on workers and pensioners?", "The Euro Plus Pact", "and particularly the 'Euro Plus Pact'"),
    ("Which group in the European Parliament boycotted the February 2009 vote on Sri Lanka?", "The Socialist Group", "the Socialist Group in this Parliament is formally refusing to take part in this vote on Sri Lanka"),
    ("What double standard did an MEP see in going to war with Iraq while talking to North Korea?", "The West negotiated with a nuclear-armed dictator but attacked one without nuclear weapons", "negotiations were in progress with a dictator – one in North Korea"),
    ("In which year did Latvia aim to join the euro, according to its 2009 economic plan?", "2012", "the introduction of the euro in 2012"),
    ("What health damage do textile factory workers suffer, according to the debate on workplace safety 2007-2012?", "Impaired sight and hearing and circulatory disease", "Sight and hearing can be significantly impaired"),
    ("How much money was collected for Iraq relief, said to be at Africa's expense?", "USD 1.6 billion", "when USD 1.6 billion was raised for relief in Iraq"),
    ("Who was the rapporteur thanked for the passenger rights proposal in December 2003?", "Mr Lisi", "in particular the rapporteur, Mr Lisi"),
    ("Which World Bank head was quoted in the debate on world hunger and trade barriers for the poorest countries?", "James Wolfensohn", "President of the World Bank, James Wolfensohn"),
    ("Why are fingerprints nearly useless in the passports of small children?", "Their fingerprints change too quickly", "Their fingerprints change so quickly"),
    ("Under what condition should new levies on equipment and media be allowed under the copyright directive?", "Only if they lead to equal levies across Europe", "can only be introduced if they help to achieve equal levies throughout Europe"),
    ("Which member state's veto threatened the EU's common position against foreign laws hurting European trade in 1996?", "Denmark", "risks being defeated by Denmark's veto"),
    ("Under what condition would the Commission fund the project in Turkey for people leaving Iraq?", "Guarantees that human rights are respected", "only feasible if we receive guarantees that human rights are being respected"),
    ("Why do companies move their operations out of Europe, according to a speaker in the 2002 social policy debate?", "High social costs and high taxes", "relocate outside areas with high social costs and high taxation"),
    ("Which accession country's fight against corruption did the Netherlands comment on in December 2005?", "Romania", "the Romanian authorities set just as much store by the fight against corruption"),
    ("What did an MEP call a basic cross-cutting element of any development policy in the 2008 debate on the European Development Fund?", "Equal opportunities", "ensuring equal opportunities is one of the fundamental horizontal"),
]

# (question, answer, file, fact) over data/articles
SEED_QUESTIONS = [
    ("How far did the Dow climb after Kudlow said a China deal was near?", "Past 28,000 for the first time", "000_75e7d6d2605e1b51.txt", "which rose past 28,000 for the first time"),
    ("Which White House adviser said the US and China were 'coming down to the short strokes'?", "Larry Kudlow", "000_75e7d6d2605e1b51.txt", "White House economic adviser Larry Kudlow told reporters"),
    ("Which American farm goods did the working-level video calls cover?", "Pork and soya beans", "000_75e7d6d2605e1b51.txt", "agricultural goods such as pork and soya beans"),
    ("Where did Trump hope to sign phase one with Xi?", "At the APEC summit in Santiago, Chile, on Nov. 16-17", "001_094b3742853613a8.txt", "Asia-Pacific Economic Cooperation summit in Santiago, Chile"),
    ("Whose speech attacking Beijing came the day before the October call with Liu He?", "Vice President Mike Pence", "001_094b3742853613a8.txt", "U.S. Vice President Mike Pence gave a long-awaited speech"),
    ("What did trade adviser Peter Navarro tell Fox News about the talks?", "They had excellent talks that would continue; phase one is not one-and-done", "001_094b3742853613a8.txt", "We had excellent talks this morning"),
    ("What does the US give in return for China buying American farm products again under the first phase?", "A pause in further US tariffs", "001_094b3742853613a8.txt", "in return for a pause in further U.S. tariffs"),
    ("Which bill passed by Congress would Trump not commit to signing while saying the deal was in its final throes?", "The Hong Kong human rights bill", "002_a3e20f71e49fec1f.txt", "declining to say if he would sign a Hong Kong human rights bill"),
    ("What sent US stocks to new records on the Monday before Thanksgiving 2019?", "Beijing's new guidelines for protecting patents and copyrights", "002_a3e20f71e49fec1f.txt", "Beijing’s announcement of new guidelines for the protection of patents and copyrights"),
    ("How did China's state news agency describe the late-November call between Liu He and the US negotiators?", "They reached consensus on resolving related issues and agreed to keep talking", "002_a3e20f71e49fec1f.txt", "The state-run Xinhua News Agency said the two sides discussed"),
    ("What did Trump say to Hong Kong voters after pro-democracy candidates won?", "We are with them", "002_a3e20f71e49fec1f.txt", "His message to Hong Kong voters"),
]

NULL_QUESTIONS = [
    "What tariff did the US put on Chinese electric vehicles in 2024?",
    "Who won the 2023 Kentucky Derby?",
    "What was Nvidia's revenue in its third quarter of fiscal 2024?",
    "What prison sentence did Sam Bankman-Fried receive?",
    "Which team won Super Bowl LVIII?",
    "What did the Federal Reserve decide on interest rates in December 2023?",
    "When did the European Parliament give final approval to the AI Act?",
    "How much did Microsoft pay to acquire Activision Blizzard?",
    "Who became Japan's prime minister in October 2021?",
    "What did the WTO rule about China's export limits on rare earths?",
]


# The titles ingest derives for the seed .txt files (their first sentence, cut; `tradetalk sources --json`),
# and the outlet it reads from the byline: eval matches seed evidence by these titles or by file name.
SEED_META = {
    "000_75e7d6d2605e1b51.txt": ("American and Chinese trade negotiators held \"constructive discussions\" in a phone call to address\u2026", "Bloomberg"),
    "001_094b3742853613a8.txt": ("The U.S. and China are close to finalizing sections of the first phase of a trade deal that\u2026", ""),
    "002_a3e20f71e49fec1f.txt": ("The U.S. and China are in the \"final throes\" of finalizing a phase one trade deal, President Trump\u2026", ""),
}


def main():
    out = []
    for q, a, fact in SNIPPET_QUESTIONS:
        ev = [{"title": s["title"], "url": s["url"], "source": s["source"], "published_at": s["published_at"],
               "fact": fact} for s in SNIPPETS if fact in s["body"]]
        if not ev:
            raise SystemExit(f"fact not found in any snippet: {fact!r}")
        out.append({"query": q, "answer": a, "question_type": "natural_query", "evidence_list": ev})
    for q, a, file, fact in SEED_QUESTIONS:
        text = (ROOT / "data/articles" / file).read_text(encoding="utf-8")
        if fact not in text:
            raise SystemExit(f"fact not found in {file}: {fact!r}")
        date = re.search(r"date (\d{4}-\d{2}-\d{2})", text).group(1)
        out.append({"query": q, "answer": a, "question_type": "natural_query",
                    "evidence_list": [{"title": SEED_META[file][0], "url": "", "source": SEED_META[file][1],
                                       "published_at": date,
                                       "fact": fact}],
                    "sources": [file]})
    # interleave the null questions so both halves (even / odd positions) get five
    step = len(out) // len(NULL_QUESTIONS)
    for i, q in enumerate(NULL_QUESTIONS):
        out.insert(i * (step + 1) + step // 2 + i % 2, {"query": q, "answer": "Insufficient information.",
                                               "question_type": "null_query", "evidence_list": []})
    (ROOT / "eval/dev/natural-questions.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n",
                                                          encoding="utf-8")
    for name, part in (("tune", out[0::2]), ("check", out[1::2])):
        (ROOT / f"eval/dev/natural-questions-{name}.json").write_text(
            json.dumps(part, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(len(out), "questions;", sum(q["question_type"] == "null_query" for q in out), "null;",
          "tune nulls", sum(q["question_type"] == "null_query" for q in out[0::2]))


if __name__ == "__main__":
    main()
