//! Tests of claim signatures: numbers, units, names, direction and denial.
use super::*;

fn units(text: &str) -> Vec<(f64, &'static str)> {
    signature(text)
        .quantities
        .iter()
        .map(|q| (q.value, q.unit))
        .collect()
}

#[test]
fn numbers_are_read_with_their_units() {
    assert_eq!(units("A fifth of adults smoke"), vec![(20.0, "percent")]);
    assert_eq!(
        units("Sea levels rose 20% in Spain"),
        vec![(20.0, "percent")]
    );
    assert_eq!(units("it rose by 20 per cent"), vec![(20.0, "percent")]);
    assert_eq!(
        units("The sea rose thirty centimetres"),
        vec![(30.0, "length")]
    );
    assert_eq!(units("The sea rose 0.3 metres"), vec![(30.0, "length")]);
    assert_eq!(
        units("4.5 million people live there"),
        vec![(4_500_000.0, "people")]
    );
    assert_eq!(units("4,500,000 residents"), vec![(4_500_000.0, "people")]);
    assert_eq!(units("It cost $2bn"), vec![(2e9, "usd")]);
    assert_eq!(units("Half of voters agree"), vec![(50.0, "percent")]);
    assert_eq!(units("two hundred and fifty jobs"), vec![(250.0, "jobs")]);
    assert_eq!(units("in 2019 it fell"), vec![(2019.0, YEAR)]);
    assert_eq!(units("two thirds of nurses"), vec![(66.6, "percent")]);
    assert_eq!(
        units("prices went up by a quarter"),
        vec![(25.0, "percent")]
    );
    assert_eq!(units("cut by a third"), vec![(33.3, "percent")]);
}

#[test]
fn direction_negation_and_names() {
    let s = signature("Unemployment in Spain fell to 4%, the French minister said.");
    assert_eq!(s.direction, Some(Direction::Down));
    assert!(!s.negated);
    assert_eq!(s.names, vec!["france", "spain"]);
    assert!(s.terms.contains(&"unemployment".to_owned()));
    let s = signature("Jobless numbers did not rise in Spain");
    assert_eq!(s.direction, Some(Direction::Up));
    assert!(s.negated);
    assert!(s.terms.contains(&"unemployment".to_owned()));
    assert_eq!(stem("increased"), stem("increases"));
}

#[test]
fn outlets_other_ways_of_writing_numbers_are_read() {
    assert_eq!(
        units("Four in five cars were electric"),
        vec![(80.0, "percent")]
    );
    assert_eq!(units("one in three adults"), vec![(100.0 / 3.0, "percent")]);
    assert_eq!(units("93 in every 100 trains"), vec![(93.0, "percent")]);
    assert_eq!(units("seven out of ten voters"), vec![(70.0, "percent")]);
    assert_eq!(units("10 000 km2 of forest"), vec![(10_000.0, "area")]);
    assert_eq!(
        units("10\u{202f}000 km² of forest"),
        vec![(10_000.0, "area")]
    );
    assert_eq!(
        units("ten thousand square kilometres of forest"),
        vec![(10_000.0, "area")]
    );
    assert_eq!(units("450,000 hectares burned"), vec![(4_500.0, "area")]);
    assert_eq!(
        units("grew by 2,000 in 2024"),
        vec![(2_000.0, COUNT), (2024.0, YEAR)]
    );
    assert_eq!(
        units("at 45.5% in Q1 2024"),
        vec![(45.5, "percent"), (1.0, COUNT), (2024.0, YEAR)]
    );
    assert_eq!(
        units("11.1 million 60-kilo bags"),
        vec![(11_100_000.0, COUNT), (60.0, "weight")]
    );
    assert_eq!(units("the 2024 dzud killed them"), vec![(2024.0, YEAR)]);
    assert_eq!(units("sales grew threefold"), vec![(3.0, FACTOR)]);
    assert_eq!(units("it costs three times as much"), vec![(3.0, FACTOR)]);
    assert_eq!(units("it cut deforestation in half"), vec![(0.5, FACTOR)]);
    assert_eq!(
        units("forty-five and a half per cent"),
        vec![(45.5, "percent")]
    );
    assert_eq!(signature("Sales tripled").direction, Some(Direction::Up));
    assert_eq!(
        units("turnout was sixty-one point three per cent"),
        vec![(61.3, "percent")]
    );
}

#[test]
fn a_denial_counts_only_in_the_clause_that_states_the_figure() {
    assert!(signature("Prices did not rise by 5% in 2023").negated);
    assert!(signature("Nobody was hurt, and it was not a fire").negated);
    assert!(
        !signature("When 91% of reefs bleach, we are no longer talking about a warning").negated
    );
    let s = signature("Norwegians and Thai EV makers");
    assert!(s.names.contains(&"norway".to_owned()));
    assert!(s.names.contains(&"thailand".to_owned()));
}

#[test]
fn hostile_text_is_read_in_one_pass() {
    let text = "9,".repeat(200_000) + &"É’".repeat(100_000) + "🙂\u{202e}";
    let s = signature(&text);
    assert!(!s.quantities.is_empty());
}

#[test]
fn spoken_years_fractions_of_a_unit_and_volumes() {
    // Our own sentences, as a radio script or a feature writes them.
    assert_eq!(
        units("Exports fell in twenty twenty-two"),
        vec![(2022.0, YEAR)]
    );
    assert_eq!(
        units("the nineteen ninety-eight floods killed forty-three"),
        vec![(1998.0, YEAR), (43.0, COUNT)]
    );
    assert_eq!(
        units("It grew twenty-five centimetres"),
        vec![(25.0, "length")]
    );
    assert_eq!(
        units("The dune moved a quarter of a metre"),
        vec![(25.0, "length")]
    );
    assert_eq!(
        units("they drank half a million litres"),
        vec![(500_000.0, "volume")]
    );
    let gallons = units("about 1.32m US gallons");
    assert_eq!(gallons.len(), 1, "{gallons:?}");
    assert_eq!(gallons[0].1, "volume");
    assert!((gallons[0].0 - 4_996_741.2).abs() < 1.0, "{gallons:?}");
    assert_eq!(units("the 2023/24 season"), vec![(2023.0, YEAR)]);
    assert_eq!(units("the 2023-24 crop"), vec![(2023.0, YEAR)]);
    assert_eq!(
        units("the twenty twenty-three, twenty-four season"),
        vec![(2023.0, YEAR)]
    );
    assert_eq!(
        units("from 2018–2023"),
        vec![(2018.0, YEAR), (2023.0, YEAR)]
    );
    assert_eq!(
        units("it fell one and a half metres"),
        vec![(150.0, "length")]
    );
    assert_eq!(
        units("10:42 — kava earned one export dollar in every three in 2023"),
        vec![(100.0 / 3.0, "percent"), (2023.0, YEAR)]
    );
    // A dateline is where the story was filed: the claim's place only when it names none.
    assert_eq!(
        signature("(BW) DOHA -- Qatari LNG exports rose").names,
        vec!["lng", "qatar"]
    );
    assert_eq!(
        signature("(BW) DOHA -- LNG exports rose").names,
        vec!["bw", "doha", "lng"]
    );
}

#[test]
fn a_hyphenated_place_is_one_name() {
    // Our own: Timor-Leste is not Timor, nor Leste.
    assert_eq!(
        signature("Timor-Leste cut its coffee exports").names,
        vec!["east timor"]
    );
    assert_eq!(signature("Guinean police seized it").names, vec!["guinea"]);
}

#[test]
fn shares_halves_and_shouted_words_are_read() {
    // Our own sentences, one for each wording.
    assert_eq!(units("every fourth clinic closed"), vec![(25.0, "percent")]);
    assert_eq!(
        units("seven buses in every ten were diesel"),
        vec![(70.0, "percent")]
    );
    assert_eq!(
        units("three households on four own a car"),
        vec![(75.0, "percent")]
    );
    // A whole with a unit after it is a time span, not a share.
    assert_eq!(
        units("five people in 12 days"),
        vec![(5.0, "people"), (12.0 * 24.0, "duration")]
    );
    assert_eq!(
        units("all but a fifth of the wells ran dry"),
        vec![(80.0, "percent")]
    );
    assert_eq!(units("a day and a half"), vec![(36.0, "duration")]);
    assert_eq!(units("a mile and a half"), vec![(1.5 * 160934.0, "length")]);
    assert_eq!(
        units("12 bcm of gas"),
        units("twelve billion cubic metres of gas")
    );
    assert_eq!(
        units("12 milliards of cubic metres of gas"),
        units("12 bcm of gas")
    );
    let shouted = signature("Clinics saw FORTY PER CENT MORE patients");
    assert_eq!(shouted.direction, Some(Direction::Up));
    assert!(shouted.names.is_empty(), "{:?}", shouted.names);
    assert_eq!(signature("an eighth less water").quantities[0].value, 12.5);
    assert_eq!(
        signature("an eighth less water").direction,
        Some(Direction::Down)
    );
    // "the quarters of the city" are districts.
    assert!(units("in the quarters of the city").is_empty());
}

#[test]
fn currencies_in_words_and_up_as_a_particle() {
    assert_eq!(
        units("debts of 12bn roubles"),
        units("twelve billion rubles of debt")
    );
    assert_eq!(units("a fine of 40,000 tenge")[0].1, "kzt");
    // "ran up" and "picked up" are verbs, "up 12%" and "went down to 4%" say which way.
    assert_eq!(
        signature("Households ran up twelve billion rubles of debt").direction,
        None
    );
    assert_eq!(
        signature("Brussels picked up 75% of the bill").direction,
        None
    );
    assert_eq!(
        signature("Exports were up 12% in 2023").direction,
        Some(Direction::Up)
    );
    assert_eq!(
        signature("Unemployment went down to 4%").direction,
        Some(Direction::Down)
    );
}

#[test]
fn spoken_scales_ranks_and_pounds_that_weigh() {
    // Our own sentences, each as a transcript or an outlet would say it.
    let q = |t: &str| -> Vec<(f64, &'static str)> {
        signature(t)
            .quantities
            .iter()
            .map(|q| ((q.value * 1000.0).round() / 1000.0, q.unit))
            .collect()
    };
    assert_eq!(
        q("Police seized a thousand million pills in twenty twenty-two."),
        [(1e9, "items"), (2022.0, "year")]
    );
    assert_eq!(
        q("The park had one point four million visitors."),
        [(1.4e6, "items")]
    );
    assert_eq!(q("A million people marched."), [(1e6, "people")]);
    assert_eq!(q("Chile fell to thirty-second place."), [(32.0, "count")]);
    // Pounds of something, or pounds a thing weighs, are a weight; otherwise money.
    assert_eq!(
        q("Agents found 2,000 pounds of ivory."),
        [(907.184, "weight")]
    );
    assert_eq!(q("The probe weighs 110 pounds."), [(49.895, "weight")]);
    assert_eq!(q("The bridge cost 110 pounds a metre."), [(110.0, "gbp")]);
}

#[test]
fn a_share_of_every_whole_and_the_direction_outside_a_relative_clause() {
    // Our own sentences.
    let s = signature("Two of every five bananas sold in Oslo come from Ecuador.");
    assert!(
        s.quantities
            .iter()
            .any(|q| q.unit == "percent" && (q.value - 40.0).abs() < 1e-9)
    );
    // The inserted clause grows beans; the claim's figure shrank.
    let s = signature(
        "In Togo, whose farmers grow most of the beans, the 2022 harvest shrank by a fifth.",
    );
    assert_eq!(s.direction, Some(Direction::Down));
    // A direction only a relative clause gives is still the claim's.
    let s = signature("Exports, which fell 20% in 2023, are mostly coffee.");
    assert_eq!(s.direction, Some(Direction::Down));
    assert_eq!(
        signature("Output CRASHED by a third.").direction,
        Some(Direction::Down)
    );
}

#[test]
fn datelines_stamps_bounds_and_counted_things() {
    // Our own sentences, as wires, live blogs and tabloids write them.
    assert_eq!(
        signature("TALLINN — A new ferry line opened in 2024.").names,
        vec!["tallinn"]
    );
    assert!(
        signature("BREAKING — Ferry fares rose 5% in 2024.")
            .names
            .is_empty()
    );
    assert!(
        signature("14:05 — Ten ferries were cancelled in 2024.")
            .names
            .is_empty()
    );
    assert_eq!(
        signature("10:05 — New Zealand's fishing minister says catches fell 4%.").names,
        vec!["new zealand"]
    );
    assert!(!signature("Parents paid no more than €8 a day in 2024.").negated);
    assert_eq!(
        signature("No fewer than 300 boats sailed in 2024.").direction,
        None
    );
    assert!(signature("The ferry plan was scrapped in 2024.").negated);
    assert!(!signature("Storms forced the port to scrap 90 sailings in 2024.").negated);
    let q = |t: &str| -> Vec<(f64, &'static str)> {
        signature(t)
            .quantities
            .iter()
            .map(|q| ((q.value * 10.0).round() / 10.0, q.unit))
            .collect()
    };
    assert_eq!(
        q("Exports rose by a tenth in 2024 on the year before."),
        [(10.0, "percent"), (2024.0, "year"), (2023.0, "year")]
    );
    assert_eq!(
        q("Two of each ten drivers wore no belt."),
        [(20.0, "percent")]
    );
    assert_eq!(
        q("Guards seized 60 million smuggled cigarettes."),
        [(60e6, "items")]
    );
}
