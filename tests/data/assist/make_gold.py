# Writes gold.json from the table below and checks that every labelled text occurs in its
# article. Kept so the labels can be reviewed and re-generated; the test reads gold.json.
import json, os
D, I, M = "direct", "indirect", "mixed"
G = {
"01_wire_flood.txt": [
 (D, "We have never seen water like this. Not in my lifetime, not in my father’s,", "said", "Helen Okafor"),
 (I, "the town would need at least $40 million to rebuild its roads and bridges", "said", "Helen Okafor"),
 (I, "rescue crews had reached every flooded neighbourhood by Monday night", "told", "Paul Reyes"),
 (D, "Our teams worked through the night. They pulled families off rooftops,", "said", "Paul Reyes"),
 (D, "I am proud of every one of them.", "said", "Paul Reyes"),
 (I, "another 5 centimetres of rain could fall on Thursday", "According to", "National Weather Service"),
 (I, "she had been warned too late", "said", "Martha Gleeson"),
 (D, "The siren went off when the water was already at the door,", "said", "Martha Gleeson"),
 (I, "the state would cover the cost of temporary housing", "said", "Daniel Pryce"),
 (D, "Nobody in Millbrook will be left without a roof,", "said", "Daniel Pryce"),
],
"02_tabloid_celebrity.txt": [
 (D, "I'M DONE WITH LIES", "", "Jazmin Vale"),
 (D, "I'm done with the lies. I gave you everything and you gave me nothing back,", "wrote", "Jazmin Vale"),
 (D, "To everyone asking: yes, it's over. Please respect my privacy,", "added", "Jazmin Vale"),
 (D, "Ricky is devastated and wishes Jazmin well. The pictures are from a team trip,", "said", "Bernie Slate"),
 (I, "the pair had been rowing for months", "told", "A source close to the couple"),
 (D, "They were fighting all the time, even at her mum's 60th,", "said", "A source close to the couple"),
 (D, "Queen behaviour. Know your worth!", "commented", "One follower"),
 (D, "There are always two sides to every story.", "tweeted", "another fan"),
 (I, "she would not cancel her upcoming tour", "said", "Jazmin's record label"),
],
"03_broadsheet_budget.txt": [
 (M, "of ‘lost decade’", "warn", "critics"),
 (M, "the country could not “keep borrowing against our children’s future.”", "telling", "Margaret Hale"),
 (I, "the measures would reduce the deficit to 2.1 percent of GDP by 2028, the lowest level in two decades", "said", "Margaret Hale"),
 (D, "This is a responsible budget for difficult times,", "told", "Margaret Hale"),
 (D, "We are making choices that previous governments were too timid to make.", "told", "Margaret Hale"),
 (M, "the cuts would fall hardest on the poor and called the plan “a recipe for a lost decade.”", "said", "Tom Aldridge"),
 (I, "spending on local councils would fall to its lowest level since 2010", "warned", "Institute for Fiscal Studies"),
 (M, "the Chancellor’s numbers were “plausible but optimistic.”", "said", "Priya Natarajan"),
 (D, "The growth forecast underpinning this budget is at the top end of what independent forecasters expect,", "said", "Priya Natarajan"),
 (D, "If growth disappoints, the deficit target will be missed.", "said", "Priya Natarajan"),
 (M, "the cut in business rates was “long overdue” and would save a typical shop £4,000 a year", "said", "Gareth Lowe"),
 (I, "1.2 million households will see their energy support end in April", "According to", "Treasury"),
 (D, "I don’t deal in hypotheticals.", "replied", "Margaret Hale"),
],
"04_british_single_quotes.txt": [
 (M, "the family were ‘horrified’ by the conditions", "said", "Michael Platt"),
 (D, "My mother is a proud woman and she was left lying in a corridor for nearly two days,", "said", "Michael Platt"),
 (D, "Nobody could tell us when she would get a bed.", "said", "Michael Platt"),
 (I, "the hospital had seen record demand over the winter", "said", "Sarah Whitmore"),
 (D, "I want to apologise unreservedly to Mrs Platt and her family,", "said", "Sarah Whitmore"),
 (D, "This is not the standard of care we expect to provide.", "said", "Sarah Whitmore"),
 (I, "12 extra beds would open in the department next month", "added", "Sarah Whitmore"),
 (M, "long waits were ‘now routine’ across the country", "said", "A spokesperson for the Royal College of Emergency Medicine"),
 (D, "Every day we hear from members who are caring for patients in corridors,", "said", "Alan Keane"),
 (D, "It is dangerous and it is degrading.", "said", "Alan Keane"),
 (D, "The people of this town deserve answers,", "said", "Fiona Burgess"),
],
"05_guillemets_summit.txt": [
 (D, "This is a good day for Europe and a good day for the farmers of Ukraine", "said", "Louis Martel"),
 (I, "the deal showed that Europe could act quickly when it had to", "said", "Claire Vautrin"),
 (D, "We did not sleep, but we did not waste the night", "told", "Claire Vautrin"),
 (D, "Forty ships will sail under this agreement before the end of the month.", "told", "Claire Vautrin"),
 (I, "the plan would cost far more than the €2 billion announced", "warned", "Gábor Szilágyi"),
 (D, "The numbers on the table are a fantasy", "said", "Gábor Szilágyi"),
 (I, "the corridor would be protected by naval patrols from three member states", "said", "Officials"),
 (I, "the Polish delegation had threatened to block the deal until the last hour", "According to", "a senior diplomat"),
 (D, "Poland asked for guarantees and Poland received guarantees", "said", "Jan Kowalczyk"),
],
"06_press_release.txt": [
 (D, "Skerry Bank is a milestone for Northwind and for Scotland's clean energy future,", "said", "Ingrid Solberg"),
 (D, "We delivered this project on time and under budget.", "said", "Ingrid Solberg"),
 (D, "The skills we developed on Skerry Bank will stay in this region for decades,", "said", "Callum Reid"),
 (D, "Projects like this show that the transition to net zero creates jobs as well as clean power,", "said", "Alison Mackay"),
 (I, "it expects Skerry Bank to cut carbon emissions by 1.3 million tonnes a year", "said", "Northwind"),
],
"07_live_blog_election.txt": [
 (I, "Turnout in the capital is reported at 61 percent, up from 54 percent at the last election", "according to", "electoral commission"),
 (D, "Calm. Very calm.", "said", "Ruth Ansel"),
 (I, "the early results point to a hung parliament", "says", "Dan Mercer"),
 (D, "If these numbers hold, nobody gets a majority tonight,", "writes", "Dan Mercer"),
 (D, "Coalition talks could take weeks.", "writes", "Dan Mercer"),
 (D, "Thank you to every volunteer who knocked on a door today. Whatever happens, we ran the campaign we believed in.", "tweeted", "Viktor Hale"),
 (I, "she had switched sides for the first time in 30 years", "told", "Brenda Kwan"),
 (D, "I just couldn't do it again,", "said", "Brenda Kwan"),
 (D, "The night is young, and I am not conceding anything,", "said", "Ruth Ansel"),
 (I, "he will not comment until all the results are in", "says", "Viktor Hale"),
],
"08_wire_multiparagraph.txt": [
 (D, "The first seventeen days were the worst. We had no contact with anyone, and we shared two spoonfuls of tuna every 48 hours,", "said", "Mario Sepúlveda"),
 (D, "When the drill broke through, we didn’t know if it was real. Some of us cried. Some of us prayed. I just shouted until I lost my voice.\n\n“People ask me if I am a hero. I tell them no. The heroes were the ones who never stopped drilling.", "", "Mario Sepúlveda"),
 (I, "the men survived because they organised themselves from the first hour", "said", "Luis Urzúa"),
 (D, "We voted on everything. Who slept where, who ate when,", "said", "Luis Urzúa"),
 (D, "Down there, democracy kept us alive.", "said", "Luis Urzúa"),
 (I, "it was not enough", "say", "several of them"),
 (I, "at least 10 of the former miners still suffer from serious health problems", "According to", "Luis Urzúa"),
 (I, "the disaster had changed safety rules across the industry", "said", "Andrea Fuentes"),
 (D, "What happened here must never happen again, and because of these 33 men, it is much less likely to,", "said", "Andrea Fuentes"),
],
"09_sports_report.txt": [
 (M, "her side had “earned the right to dream” after moving to within three points of the top four", "said", "Elena Duarte"),
 (D, "I told them at half-time: keep the ball, be patient, the chance will come,", "said", "Elena Duarte"),
 (D, "And it came.", "said", "Elena Duarte"),
 (D, "I just hit it and hoped. When I saw the net move, I didn’t know what to do,", "said", "Kofi Mensah"),
 (I, "Mensah had pushed a defender in the build-up", "claimed", "Stefan Kraus"),
 (D, "It is a foul. Everybody in the stadium saw it except one man,", "said", "Stefan Kraus"),
 (D, "We will send the video to the league.", "said", "Stefan Kraus"),
 (M, "his team had “switched off” after taking the lead", "said", "Stefan Kraus"),
 (I, "the defeat hurt", "admitted", "Joe Barnes"),
 (D, "We have nobody to blame but ourselves,", "said", "Joe Barnes"),
 (D, "Title? We are Harbour City. We take it one game at a time.", "", "Elena Duarte"),
],
"10_court_report.txt": [
 (I, "the money was meant to repair homes for elderly and disabled tenants", "According to", "prosecutors"),
 (M, "Ashworth had “treated public money as a personal piggy bank.”", "told", "Leila Haddad"),
 (I, "Ashworth had repaid £60,000 and was deeply ashamed", "said", "Simon Croft"),
 (D, "He has lost his reputation, his marriage and his career. He will carry this for the rest of his life,", "said", "Simon Croft"),
 (M, "the offences were “a gross breach of trust.”", "said", "Ann Morrow"),
 (D, "You were elected to serve the people of this city, and you robbed the most vulnerable of them,", "told", "Ann Morrow"),
 (I, "justice had been done", "said", "a tenant whose repairs were delayed for two years"),
 (D, "I waited two winters with a broken boiler. Now I know why,", "said", "a tenant whose repairs were delayed for two years"),
 (I, "it had changed its grant procedures since the fraud came to light", "said", "city council"),
],
"11_health_science.txt": [
 (I, "A new malaria vaccine reduced deaths among young children by 33 percent in a large trial in four African countries", "reported", "researchers"),
 (D, "This is the biggest step forward against malaria in a generation,", "said", "Amara Diallo"),
 (D, "We are talking about hundreds of thousands of children who could live.", "said", "Amara Diallo"),
 (I, "the vaccine was cheaper to produce than the two already approved by the World Health Organization", "said", "Amara Diallo"),
 (M, "the results were \"genuinely impressive\" but warned that protection appeared to wane after 18 months", "said", "Henrik Lund"),
 (D, "We will need a booster, and boosters are where vaccination programmes tend to fail,", "said", "Henrik Lund"),
 (D, "Getting a child to a clinic once is hard. Getting them there four times is much harder.", "said", "Henrik Lund"),
 (M, "the agency would review the data \"as a matter of priority.\"", "said", "A spokesperson for the WHO"),
 (D, "Our message to funders is simple: 'Don't stop now,'", "said", "Amara Diallo"),
 (I, "the vaccine had changed her family's life", "said", "Grace Achieng"),
 (D, "Last year two of my children had malaria. This year, none,", "said", "Grace Achieng"),
],
"12_local_news.txt": [
 (I, "the closure would save £85,000 a year", "says", "county council"),
 (D, "The library is the only warm, free place left in this village,", "said", "one pensioner"),
 (D, "Where are we supposed to go?", "said", "one pensioner"),
 (I, "her children did their homework there every evening", "said", "Kelly Brown"),
 (D, "We don’t have broadband at home. Without the library they can’t do their homework,", "said", "Kelly Brown"),
 (I, "no final decision had been made", "said", "Raj Patel"),
 (D, "We have to balance the books, but we are listening,", "told", "Raj Patel"),
 (D, "If the community can find another way to fund it, we will look at that seriously.", "told", "Raj Patel"),
 (I, "The local Women’s Institute has offered to run the library with volunteers", "said", "Joan Fairley"),
 (D, "We have 40 members ready to give their time,", "said", "Joan Fairley"),
],
}
here = os.path.dirname(os.path.abspath(__file__))
out = []
for f, qs in G.items():
    text = open(os.path.join(here, "articles", f), encoding="utf-8").read()
    items = []
    for t, s, cue, spk in qs:
        n = text.count(s)
        assert n == 1, (f, s, n)
        items.append({"type": t, "text": s, "cue": cue, "speaker": spk})
    out.append({"article": f, "quotes": items})
json.dump(out, open(os.path.join(here, "gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
from collections import Counter
c = Counter(q["type"] for a in out for q in a["quotes"])
print(len(out), "articles", sum(c.values()), "quotes", dict(c))
