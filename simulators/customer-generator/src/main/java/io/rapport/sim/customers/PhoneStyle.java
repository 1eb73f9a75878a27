package io.rapport.sim.customers;

/** Written forms of one telephone number: "91 23 45 67", "+47 91 23 45 67", "+4791234567", "0047-91234567", "91234567". */
enum PhoneStyle {
    NATIONAL, INTERNATIONAL, E164, IDD, DIGITS
}
