"""The demo clinic's content: providers, the clinic's services, clients, and name pools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hydreight_desktop.services.catalog import ServiceForm
from hydreight_desktop.services.clients import AddressForm, ClientForm
from hydreight_desktop.services.demo_accounts import DEMO_CSP

WEEKDAYS = (0, 1, 2, 3, 4)
Spans = tuple[tuple[float, float], ...]
HoursGroups = tuple[tuple[tuple[int, ...], Spans], ...]


@dataclass(frozen=True, slots=True)
class DemoCsp:
    name: str
    email: str
    phone: str
    title: str
    time_zone: str
    live: bool
    callout: HoursGroups  # ((days, ((from_hour, to_hour), ...)), ...)
    facility: HoursGroups
    callout_advance: int  # minutes of notice
    facility_advance: int
    cash: bool
    commission_bp: int
    vacation_reason: str = ""


DEMO_CSPS: tuple[DemoCsp, ...] = (
    DemoCsp(
        "Maya Johnson", DEMO_CSP.email, "(305) 555-0111", "RN",
        "America/New_York", True,
        callout=((WEEKDAYS, ((8, 12), (13, 18))), ((5,), ((9, 13),))),
        facility=((WEEKDAYS, ((10, 16),)),),
        callout_advance=120, facility_advance=60, cash=True, commission_bp=3000,
    ),
    DemoCsp(
        "Carlos Mendez", "carlos.mendez@hydreightdemo.com", "(305) 555-0112", "Paramedic",
        "America/New_York", True,
        callout=(((1, 2, 3, 4, 5), ((10, 14), (15, 20))),),
        facility=(((0, 2, 4), ((9, 13),)),),
        callout_advance=180, facility_advance=30, cash=False, commission_bp=2800,
        vacation_reason="Family vacation",
    ),
    DemoCsp(
        "Emily Chen", "emily.chen@hydreightdemo.com", "(310) 555-0113", "RN",
        "America/Los_Angeles", True,
        callout=(((0, 1, 2, 3, 4, 5), ((7, 11), (12, 19))),),
        facility=(((3, 4, 5, 6), ((10, 18),)),),
        callout_advance=90, facility_advance=45, cash=True, commission_bp=3500,
    ),
    DemoCsp(
        "Jordan Blake", "jordan.blake@hydreightdemo.com", "(415) 555-0114", "NP",
        "America/Los_Angeles", False,  # still onboarding: not bookable yet
        callout=((WEEKDAYS, ((9, 17),)),),
        facility=(((5, 6), ((10, 15),)),),
        callout_advance=240, facility_advance=120, cash=False, commission_bp=3000,
    ),
)  # fmt: skip


def _svc(
    name: str,
    category: str,
    dollars: int,
    minutes: int,
    description: str,
    *,
    mse: bool = True,
    psf: bool = False,
    active: bool = True,
) -> ServiceForm:
    return ServiceForm(
        name=name,
        category=category,
        price_cents=dollars * 100,
        duration_minutes=minutes,
        description=description,
        needs_mse=mse,
        patient_specific=psf,
        active=active,
    )


DEMO_SERVICES: tuple[ServiceForm, ...] = (
    _svc("Athlete Recovery IV", "IV Therapy", 199, 60, "Fluids, electrolytes, amino acids and B-complex for sore muscles."),
    _svc("Energy IV", "IV Therapy", 175, 45, "B12, B-complex and vitamin C for a lasting lift."),
    _svc("Migraine IV", "IV Therapy", 209, 60, "Fluids with magnesium and anti-inflammatory support."),
    _svc("Hangover IV", "IV Therapy", 189, 45, "Rehydration with anti-nausea support."),
    _svc("Immunity IV", "IV Therapy", 179, 45, "High-dose vitamin C and zinc."),
    _svc("Myers' Cocktail IV", "IV Therapy", 199, 60, "The classic blend of magnesium, calcium, B vitamins and vitamin C."),
    _svc("Hydration IV", "IV Therapy", 129, 45, "One liter of balanced fluids."),
    _svc("NAD+ IV", "IV Therapy", 450, 120, "Slow infusion of NAD+; the client should plan two hours."),
    _svc("B12 injection", "Injections", 35, 10, "Methylcobalamin, intramuscular.", mse=False),
    _svc("Vitamin D3 injection", "Injections", 45, 10, "Intramuscular vitamin D3.", mse=False),
    _svc("Glutathione push", "Injections", 55, 15, "Antioxidant push added to an IV or on its own.", mse=False),
    _svc("Anti-nausea add-on", "Add-ons", 35, 5, "Ondansetron added to any IV.", psf=False),
    _svc("GLP-1 check-in", "GLP-1 Program", 49, 30, "Monthly CSP check-in: weight, vitals, vials recorded."),
    _svc("GLP-1 HCP consultation", "Consultations", 99, 30, "Consultation with the HCP before starting or changing a dose.", mse=False),
    _svc("Semaglutide (PSF)", "GLP-1 Program", 299, 15, "Weekly semaglutide; needs the HCP's patient-specific approval.", psf=True),
    _svc("Tirzepatide (PSF)", "GLP-1 Program", 399, 15, "Weekly tirzepatide; needs the HCP's patient-specific approval.", psf=True),
    _svc("Beauty Glow IV", "IV Therapy", 219, 60, "Retired: replaced by Glutathione push.", active=False),
)  # fmt: skip


def _client(
    first: str,
    last: str,
    email: str,
    phone: str,
    born: date,
    street: str,
    city: str,
    state: str,
    zip_code: str,
    allergies: str = "",
    notes: str = "",
) -> ClientForm:
    return ClientForm(
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        date_of_birth=born,
        allergies=allergies,
        notes=notes,
        address=AddressForm(line1=street, city=city, state=state, postal_code=zip_code),
    )


DEMO_CLIENTS: tuple[ClientForm, ...] = (
    _client("Anna", "Smith", "anna.smith@gmail.com", "(305) 555-0120", date(1988, 4, 12), "1450 Ocean Dr, Apt 5", "Miami Beach", "FL", "33139", "Latex"),
    _client("Brian", "Walker", "brian.walker@outlook.com", "(305) 555-0121", date(1979, 9, 3), "88 SW 7th St", "Miami", "FL", "33130"),
    _client("Chloe", "Martinez", "chloe.martinez@yahoo.com", "(305) 555-0122", date(1995, 1, 22), "2100 Collins Ave", "Miami Beach", "FL", "33139", notes="Prefers the left arm."),
    _client("David", "Nguyen", "david.nguyen@icloud.com", "(786) 555-0123", date(1983, 6, 30), "3301 NE 1st Ave", "Miami", "FL", "33137"),
    _client("Elena", "Rossi", "elena.rossi@gmail.com", "(786) 555-0124", date(1991, 11, 8), "500 Brickell Key Dr", "Miami", "FL", "33131", "Penicillin"),
    _client("Frank", "O'Connor", "frank.oconnor@gmail.com", "(954) 555-0125", date(1969, 2, 14), "200 E Las Olas Blvd", "Fort Lauderdale", "FL", "33301"),
    _client("Grace", "Kim", "grace.kim@outlook.com", "(954) 555-0126", date(1998, 7, 19), "1 N Fort Lauderdale Beach Blvd", "Fort Lauderdale", "FL", "33304"),
    _client("Hector", "Alvarez", "hector.alvarez@yahoo.com", "(305) 555-0127", date(1975, 3, 5), "6000 Collins Ave", "Miami Beach", "FL", "33140", notes="GLP-1 program since March."),
    _client("Isabella", "Lopez", "isabella.lopez@gmail.com", "(305) 555-0128", date(1993, 12, 1), "1200 West Ave", "Miami Beach", "FL", "33139"),
    _client("Jack", "Thompson", "jack.thompson@icloud.com", "(212) 555-0129", date(1986, 8, 25), "350 W 42nd St, Apt 12B", "New York", "NY", "10036"),
    _client("Kayla", "Brown", "kayla.brown@gmail.com", "(212) 555-0130", date(1990, 5, 17), "77 Bleecker St", "New York", "NY", "10012", "Sulfa drugs"),
    _client("Liam", "Murphy", "liam.murphy@outlook.com", "(646) 555-0131", date(1984, 10, 2), "25 Broad St", "New York", "NY", "10004"),
    _client("Mia", "Johnson", "mia.johnson@gmail.com", "(646) 555-0132", date(1997, 2, 28), "401 E 60th St", "New York", "NY", "10022"),
    _client("Noah", "Williams", "noah.williams@yahoo.com", "(718) 555-0133", date(1981, 7, 9), "98 Berry St", "Brooklyn", "NY", "11249"),
    _client("Olivia", "Garcia", "olivia.garcia@gmail.com", "(718) 555-0134", date(1994, 4, 4), "140 Montague St", "Brooklyn", "NY", "11201"),
    _client("Priya", "Shah", "priya.shah@icloud.com", "(917) 555-0135", date(1989, 9, 21), "10 Hudson Yards", "New York", "NY", "10001", notes="Monthly B12."),
    _client("Quinn", "Foster", "quinn.foster@gmail.com", "(310) 555-0136", date(1992, 1, 11), "1555 Ocean Ave", "Santa Monica", "CA", "90401"),
    _client("Rosa", "Hernández", "rosa.hernandez@gmail.com", "(310) 555-0137", date(1978, 6, 6), "8500 Sunset Blvd", "West Hollywood", "CA", "90069"),
    _client("Samuel", "Lee", "samuel.lee@outlook.com", "(213) 555-0138", date(1987, 3, 29), "700 S Flower St", "Los Angeles", "CA", "90017"),
    _client("Tara", "Nolan", "tara.nolan@yahoo.com", "(213) 555-0139", date(1996, 10, 15), "1100 S Grand Ave", "Los Angeles", "CA", "90015", "Iodine"),
    _client("Umar", "Haddad", "umar.haddad@gmail.com", "(424) 555-0140", date(1982, 12, 24), "2000 Avenue of the Stars", "Los Angeles", "CA", "90067"),
    _client("Valeria", "Cruz", "valeria.cruz@icloud.com", "(424) 555-0141", date(1999, 8, 8), "301 Manhattan Beach Blvd", "Manhattan Beach", "CA", "90266"),
    _client("William", "Scott", "william.scott@gmail.com", "(415) 555-0142", date(1973, 5, 20), "1 Embarcadero Ctr", "San Francisco", "CA", "94111"),
    _client("Ximena", "Torres", "ximena.torres@outlook.com", "(415) 555-0143", date(1990, 11, 30), "2200 Chestnut St", "San Francisco", "CA", "94123"),
    _client("Yusuf", "Ali", "yusuf.ali@gmail.com", "(415) 555-0144", date(1985, 4, 18), "500 Castro St", "San Francisco", "CA", "94114"),
    _client("Zoë", "Becker", "zoe.becker@gmail.com", "(628) 555-0145", date(1994, 7, 1), "88 King St", "San Francisco", "CA", "94107"),
    _client("Aaron", "Smithson", "aaron.smithson@yahoo.com", "(305) 555-0146", date(1980, 2, 9), "1000 Venetian Way", "Miami Beach", "FL", "33139"),
    _client("Bianca", "Smith", "bianca.smith@gmail.com", "(305) 555-0147", date(1992, 9, 13), "3400 SW 27th Ave", "Miami", "FL", "33133", notes="Books for her two sisters too."),
    _client("Carter", "Diaz", "carter.diaz@icloud.com", "(786) 555-0148", date(1977, 1, 26), "150 Alhambra Cir", "Coral Gables", "FL", "33134"),
    _client("Dana", "Whitfield", "dana.whitfield@gmail.com", "(954) 555-0149", date(1988, 12, 12), "3000 N Ocean Blvd", "Fort Lauderdale", "FL", "33308", "Latex, adhesive tape"),
)  # fmt: skip


# Pools for generated clients (``generate_clients``): common US names, a few with accents.
FIRST_NAMES = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Christopher", "Karen", "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony",
    "Sandra", "Mark", "Margaret", "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily",
    "Paul", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian",
    "Melissa", "George", "Deborah", "Timothy", "Stephanie", "Ronald", "Rebecca", "Jason", "Laura",
    "Edward", "Sharon", "Jeffrey", "Cynthia", "Ryan", "Kathleen", "Jacob", "Amy", "Gary", "Angela",
    "Nicholas", "Shirley", "Eric", "Anna", "Jonathan", "Brenda", "Stephen", "Pamela", "Larry",
    "Emma", "Justin", "Nicole", "Scott", "Helen", "Brandon", "Samantha", "Benjamin", "Katherine",
    "Samuel", "Christine", "Gregory", "Debra", "Alexander", "Rachel", "Patrick", "Carolyn",
    "Frank", "Janet", "Raymond", "Maria", "Jack", "Olivia", "Dennis", "Heather", "Jerry", "Helena",
    "Tyler", "Catherine", "Aaron", "Diane", "José", "Sofía", "Adam", "Julie", "Nathan", "Victoria",
    "Henry", "Kelly", "Zachary", "Christina", "Douglas", "Lauren", "Peter", "Joan", "Kyle",
    "Evelyn", "Noah", "Judith", "Ethan", "Megan", "Jeremy", "Andrea", "Walter", "Cheryl",
    "Christian", "Hannah", "Keith", "Jacqueline", "Roger", "Martha", "Terry", "Gloria", "Austin",
    "Teresa", "Sean", "Ann", "Gerald", "Sara", "Carl", "Madison", "Harold", "Frances", "Dylan",
    "Kathryn", "Arthur", "Janice", "Lawrence", "Jean", "Jordan", "Abigail", "Jesse", "Alice",
    "Bryan", "Julia", "Billy", "Judy", "Bruce", "Sophia", "Gabriel", "Grace", "Joe", "Denise",
    "Logan", "Amber", "Alan", "Doris", "Juan", "Marilyn", "Albert", "Danielle", "Willie",
    "Beverly", "Elijah", "Isabella", "Wayne", "Theresa", "Randy", "Diana", "Vincent", "Natalie",
    "Mason", "Brittany", "Roy", "Charlotte", "Ralph", "Marie", "Bobby", "Kayla", "Russell",
    "Alexis", "Bradley", "Lori", "Philip", "Zoë", "Eugene", "Chloé", "Liam", "Mia", "Lucas", "Ava",
)  # fmt: skip

LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
    "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
    "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz",
    "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy",
    "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed",
    "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez",
    "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo",
    "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry",
    "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales",
    "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton",
    "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant",
    "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford",
    "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington",
    "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns",
    "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw",
    "Snyder", "Mason", "Dixon", "Muñoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black",
    "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
    "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan",
    "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce",
    "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham",
    "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray",
    "Delgado", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Peña", "Richards",
    "Willis", "Carpenter", "Lawrence", "Sandoval", "Guerrero", "George", "Chapman", "Rios",
    "Estrada", "Ortega", "Watkins", "Greene", "Núñez", "Wheeler", "Valdez", "Harper", "Burke",
    "Larson", "Santiago", "Maldonado", "Morrison", "Franklin", "Carlson", "Austin", "Dominguez",
    "Carr", "Lawson", "Jacobs", "O'Brien", "Lynch", "Singh", "Vega", "Bishop", "Montgomery",
    "Oliver", "Jensen", "Harvey", "Williamson", "Gilbert", "Dean", "Sims", "Espinoza", "Howell",
    "Li", "Wong", "Reid", "Hanson", "Le", "McCoy", "Garrett", "Burton", "Fuller", "Wang", "Weber",
    "Welch", "Rojas", "Lucas", "Marquez", "Fields", "Park", "Yang", "Little", "Banks", "Padilla",
    "Day", "Walsh", "Bowman", "Schultz", "Luna", "Fowler", "Mejia", "Davidson", "Acosta",
    "Brewer", "May", "Holland", "Juarez", "Newman", "Pearson", "Curtis", "Cortez", "Douglas",
    "Schneider", "Joseph", "Barrett", "Navarro", "Figueroa", "Keller", "Ávila", "Wade", "Molina",
    "Stanley", "Hopkins", "Campos", "Barnett", "Bates", "Chambers", "Caldwell", "Beck", "Lambert",
    "Miranda", "Byrd", "Craig", "Ayala", "Lowe", "Frazier", "Powers", "Neal", "Leonard", "Gregory",
    "Carrillo", "Sutton", "Fleming", "Rhodes", "Shelton", "Schwartz", "Norris", "Jennings",
    "Watts", "Duran", "Walters", "Cohen", "McDaniel", "Moran", "Parks", "Steele", "Vaughn",
)  # fmt: skip

EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com")
PHONE_AREAS = (
    "305", "786", "954", "212", "646", "718", "917", "310", "213", "424", "415", "628", "702",
    "512", "312", "617", "404", "206", "303", "602",
)  # fmt: skip
