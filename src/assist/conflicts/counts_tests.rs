//! Counts read from sentences of our own: every wording of a toll, people and their
//! predicates, parts, things that are no counts, hard-wrapped lines.

use super::counts::counts;
use super::ontology::Counted;
use crate::assist::text::Token;

mod reading {
    use super::*;
    use crate::assist::text::Doc;

    fn read(s: &str) -> Vec<(Counted, f64)> {
        let doc = Doc::new(s);
        let lowers: Vec<&str> = doc.tokens.iter().map(Token::lower).collect();
        counts(&doc.tokens, &lowers)
            .into_iter()
            .map(|c| (c.what, c.value))
            .collect()
    }

    #[test]
    fn tolls_are_read_in_every_wording() {
        use Counted::*;
        assert_eq!(
            read("The death toll climbed to 23 on Tuesday."),
            [(Dead, 23.0)]
        );
        assert_eq!(
            read("Officials raised the toll from the landslide to 31."),
            [(Dead, 31.0)]
        );
        assert_eq!(
            read("Crews had pulled 8 bodies from the mud."),
            [(Dead, 8.0)]
        );
        assert_eq!(read("There were 14 deaths in the camp."), [(Dead, 14.0)]);
        assert_eq!(
            read("A typhoon that has killed at least 44 people swept north."),
            [(Dead, 44.0)]
        );
        assert_eq!(
            read("The flooding, which has killed at least 44, spread."),
            [(Dead, 44.0)]
        );
        assert_eq!(read("Thirty-one reported dead in Tula."), [(Dead, 31.0)]);
        assert_eq!(
            read("Nine dead, 2,500 rescued as river bursts"),
            [(Dead, 9.0), (Rescued, 2500.0)]
        );
        assert_eq!(
            read("The toll rose from 17 to 22 overnight."),
            [(Dead, 22.0)]
        );
    }

    #[test]
    fn people_take_their_kind_from_the_predicate() {
        use Counted::*;
        assert_eq!(
            read("At least 9 villagers are confirmed dead and 27 are still missing."),
            [(Dead, 9.0), (Missing, 27.0)]
        );
        assert_eq!(
            read("Some 1,800 residents were moved to shelters."),
            [(Evacuated, 1800.0)]
        );
        assert_eq!(
            read("Scores of houses were flooded and 40 homes destroyed."),
            [(HomesDamaged, 10.0), (Homes, 40.0)]
        );
        assert_eq!(read("The fire destroyed 240 homes."), [(Homes, 240.0)]);
        assert_eq!(
            read("Dozens of homes on Pike Street and Elm Row were razed overnight."),
            [(Homes, 10.0)]
        );
        assert_eq!(
            read("Hundreds of houses in Tula lay in ruins."),
            [(Homes, 100.0)]
        );
        assert_eq!(read("Police arrested 16 protesters."), [(Arrested, 16.0)]);
        assert_eq!(
            read("At least 40 people, including 12 children, lost their lives."),
            [(Dead, 40.0)]
        );
        assert_eq!(read("Medics reported 19 confirmed deaths."), [(Dead, 19.0)]);
        assert_eq!(
            read("The number of people killed rose to 52 on Monday."),
            [(Dead, 52.0)]
        );
        assert_eq!(
            read("A crowd of 10,000 filled the square."),
            [(Attending, 1e4)]
        );
        assert_eq!(
            read("Shelters are housing 2,300 people; 600 have registered for aid."),
            [(Sheltered, 2300.0), (Registered, 600.0)]
        );
        assert_eq!(
            read("About 5,000 mourners lined the road."),
            [(Attending, 5000.0)]
        );
    }

    #[test]
    fn aboard_in_hospital_alive_and_restrictive_clauses() {
        use Counted::*;
        assert_eq!(
            read("The ferry was carrying about 250 passengers."),
            [(Aboard, 250.0)]
        );
        assert_eq!(
            read("The plane had 180 people on board."),
            [(Aboard, 180.0)]
        );
        assert_eq!(
            read("Fifteen people remain in hospital on Friday."),
            [(Hospitalised, 15.0)]
        );
        assert_eq!(
            read("Seven survivors were still in hospital on Monday."),
            [(Hospitalised, 7.0)]
        );
        assert_eq!(
            read("Nine others were pulled alive from the rubble."),
            [(Rescued, 9.0)]
        );
        assert_eq!(
            read("Some 3,000 villagers who were evacuated went home."),
            [(Evacuated, 3000.0)]
        );
        assert_eq!(
            read("Four colleagues remain unaccounted for."),
            [(Missing, 4.0)]
        );
        assert_eq!(
            read("Some 280 residents of Orsk were evacuated."),
            [(Evacuated, 280.0)]
        );
        // Our own: people in shelters, to safety, land burned, responders at work.
        assert_eq!(
            read("About 900 are sleeping in emergency shelters."),
            [(Sheltered, 900.0)]
        );
        assert_eq!(
            read("Some 1,200 evacuees are staying in four shelters."),
            [(Sheltered, 1200.0)]
        );
        assert_eq!(read("Crews pulled 75 people to safety."), [(Rescued, 75.0)]);
        assert_eq!(
            read("The blaze has burned 3,100 hectares."),
            [(Hectares, 3100.0)]
        );
        assert_eq!(
            read("About 600 firefighters are battling the blaze."),
            [(Deployed, 600.0)]
        );
        assert_eq!(read("Two firefighters died on the ridge."), [(Dead, 2.0)]);
        // Our own: passengers and crew are two figures.
        assert_eq!(
            read("The barge was carrying 61 passengers and seven crew members."),
            [(Aboard, 61.0), (Crew, 7.0)]
        );
        assert_eq!(
            read("It sank with 40 passengers and six crew aboard."),
            [(Aboard, 40.0), (Crew, 6.0)]
        );
    }

    #[test]
    fn things_dates_times_and_increments_are_no_counts() {
        assert!(read("Firefighters sent 9 fire engines to the scene.").is_empty());
        assert!(read("The army deployed 30 rescue boats and 6 pumps.").is_empty());
        assert!(read("KOLKATA, June 3 (Reuters) - the river rose.").is_empty());
        assert!(read("The wall broke at 4:15 a.m. and at 11 pm.").is_empty());
        assert!(read("Divers found three more bodies.").is_empty());
        assert!(read("Two of the 11 injured were children.").len() == 1);
        assert!(read("The dam held 40 million cubic metres.").is_empty());
        assert!(read("Hundreds died at 3 hospitals in the region.").len() == 1);
        // Animals are livestock, never people.
        assert_eq!(
            read("The storm killed 3 cows."),
            [(Counted::Livestock, 3.0)]
        );
        // "sent to help the injured" counts no injured: 9 responders.
        assert_eq!(
            read("Some 9 firefighters were sent to help the injured."),
            [(Counted::Deployed, 9.0)]
        );
        assert!(read("The storm cut power to 30,000 homes.").is_empty());
        assert!(read("Lifeguards saved 40 lives this summer.").is_empty());
    }

    #[test]
    fn a_part_counts_for_its_own_predicate() {
        use Counted::*;
        assert_eq!(
            read("Twenty got out; nine of them were taken to Ardel Hospital."),
            [(Hospitalised, 9.0)]
        );
        assert_eq!(
            read("Fourteen of their colleagues, brought up alive on Friday, are resting."),
            [(Rescued, 14.0)]
        );
        assert_eq!(
            read("Thirty-one men were underground when the roof fell."),
            [(Present, 31.0)]
        );
        // A part with no predicate of its own stays uncounted.
        assert!(read("Two of the dead were children.").is_empty());
    }

    #[test]
    fn participles_ages_nights_and_damaged_buildings() {
        use Counted::*;
        // A participle says who they are; the main verb what they are now.
        assert_eq!(
            read("By noon, 48 people hurt in the fire remained in hospital in Dunmore."),
            [(Hospitalised, 48.0)]
        );
        assert_eq!(
            read("Of those, 30 climbers rescued from the ridge were being treated in hospitals."),
            [(Hospitalised, 30.0)]
        );
        assert_eq!(
            read("As of noon, 21 people hurt in the crash have been admitted to hospitals."),
            [(Hospitalised, 21.0)]
        );
        assert_eq!(
            read("Officials say 41,000 fans were in the stadium."),
            [(Attending, 41000.0)]
        );
        // No main verb of that kind: the participle stands.
        assert_eq!(
            read("The 14 people killed in the blast were workers."),
            [(Dead, 14.0)]
        );
        // "a woman of 70" is an age, not a count of the dead.
        assert!(read("A woman of 70 died in hospital on Friday.").is_empty());
        assert_eq!(
            read("About 900 villagers spent a second night away from their homes."),
            [(Sheltered, 900.0)]
        );
        assert_eq!(
            read("Inspectors counted more than 600 damaged buildings."),
            [(HomesDamaged, 600.0)]
        );
        assert_eq!(
            read("Six men have now been brought out alive."),
            [(Rescued, 6.0)]
        );
    }
    #[test]
    fn evacuees_and_those_at_work_are_read_however_the_verb_says_it() {
        // Our own sentences.
        use Counted::*;
        assert_eq!(
            read("Some 9,000 people were registered in 40 evacuation centres."),
            [(Evacuated, 9000.0)]
        );
        assert_eq!(
            read("Nearly 6,000 people were forced from their homes."),
            [(Evacuated, 6000.0)]
        );
        assert_eq!(
            read(
                "A total of 300 residents of Ash Court and Elm Court, the two blocks beside the tower, were evacuated."
            ),
            [(Evacuated, 300.0)]
        );
        assert_eq!(
            read("Some 40 residents had been placed in two hotels in Varn."),
            [(Sheltered, 40.0)]
        );
        assert_eq!(
            read("Of the 41 people on the night shift, few got out."),
            [(Present, 41.0)]
        );
        assert_eq!(
            read("At that moment 30 employees and contractors were on the site."),
            [(Present, 30.0)]
        );
    }

    #[test]
    fn patients_burns_the_driven_out_and_animals() {
        use Counted::*;
        // Our own sentences: patients told by the hospital's verb, burns counted apart.
        assert_eq!(
            read("Surgeons at the clinic were treating 52 people on Monday."),
            [(Hospitalised, 52.0)]
        );
        assert_eq!(
            read("The hospital has admitted 40 people since the blast."),
            [(Hospitalised, 40.0)]
        );
        assert_eq!(
            read("Some 25 workers are being treated for burns."),
            [(Burned, 25.0)]
        );
        assert_eq!(
            read("Twelve people were treated at the scene."),
            [(Injured, 12.0)]
        );
        // Driven from their homes; evacuees told by the centres at the clause's end.
        assert_eq!(
            read("The floods swept the valley, driving more than 9,000 from their homes."),
            [(Evacuated, 9000.0)]
        );
        assert_eq!(
            read(
                "By dusk 6,100 people from the upper and lower districts had reached 14 \
                 evacuation centres."
            ),
            [(Evacuated, 6100.0)]
        );
        // Animals: only their deaths, never a count of people or a thing.
        assert_eq!(
            read("At least 900 pigs, sheep and goats had died in the barns."),
            [(Livestock, 900.0)]
        );
        assert!(read("Farmers moved 300 cattle to the plain.").is_empty());
    }
}

mod wrapped {
    use super::*;
    use crate::assist::text::Doc;

    #[test]
    fn a_toll_hard_wrapped_over_two_lines_is_read() {
        let doc =
            Doc::new("Police said the death toll from the\nlandslide had risen to 27 by Monday.");
        let mut found = Vec::new();
        for unit in crate::assist::conflicts::scope::units(&doc) {
            let s = unit.range;
            let toks = doc.tokens_in(s.start, s.end);
            let lowers: Vec<&str> = toks.iter().map(Token::lower).collect();
            found.extend(counts(toks, &lowers).into_iter().map(|c| (c.what, c.value)));
        }
        assert_eq!(found, [(Counted::Dead, 27.0)]);
    }
}
